function __coder_columns
    set -l chosen (commandline -t | string replace -r -- '^-[^=]*=' '' | string replace -r -- ',?[^,]*$' '' | string split ,)
    for name in id name scopes allow_list last_used expires_at created_at owner
        contains -- $name $chosen; or echo $name
    end
end

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_coder_global_optspecs
    string join \n url= token= global-config= header= header-command= agent-token= agent-token-file= agent-url= auth= use-keyring v/verbose no-version-warning no-feature-warning force-tty no-open debug-options disable-direct-connections disable-network-telemetry debug-http h/help V/version
end

function __fish_coder_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_coder_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_coder_using_subcommand
    set -l cmd (__fish_coder_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c coder -n "__fish_coder_needs_command" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_needs_command" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_needs_command" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_needs_command" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_needs_command" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_needs_command" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_needs_command" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_needs_command" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_needs_command" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_needs_command" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_needs_command" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_needs_command" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_needs_command" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_needs_command" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_needs_command" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_needs_command" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_needs_command" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_needs_command" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_needs_command" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_needs_command" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_needs_command" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_needs_command" -f -a "tokens" -d 'Create, list, inspect and revoke personal access tokens'
complete -c coder -n "__fish_coder_needs_command" -f -a "token" -d 'Create, list, inspect and revoke personal access tokens'
complete -c coder -n "__fish_coder_needs_command" -f -a "login" -d 'Log in to a Coder deployment and remember the session'
complete -c coder -n "__fish_coder_needs_command" -f -a "logout" -d 'End the session and forget the stored token'
complete -c coder -n "__fish_coder_needs_command" -f -a "completion" -d 'Install shell completions for the detected or named shell, or print the script'
complete -c coder -n "__fish_coder_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "create" -d 'Create a token; prints the key, which is shown only once'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "list" -d 'List tokens'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "ls" -d 'List tokens'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "view" -d 'Show one token, by name or ID'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "remove" -d 'Expire (or with --delete, delete) tokens by name, ID or full token'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "rm" -d 'Expire (or with --delete, delete) tokens by name, ID or full token'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "delete" -d 'Expire (or with --delete, delete) tokens by name, ID or full token'
complete -c coder -n "__fish_coder_using_subcommand tokens; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -s n -l name -d 'Name of the token (the server picks one when omitted)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l lifetime -d 'How long the token lives, e.g. 8h, 30d, 1y, 1d12h30m [default: the deployment\'s maximum]' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l scope -d 'Restrict the token to these scopes (repeatable or a CSV list)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l allow -d 'Allow the token to reach only these resources, as <type>:<id> (repeatable or a CSV list)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -s u -l user -d 'Create the token for another user (owners only)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -s c -l column -d 'Columns to show, in this order (repeatable or a CSV list)' -r -f -a "(__fish_complete_list , __coder_columns)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -s a -l all -d 'List the tokens of every user you may see (adds the owner column)'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l include-expired -d 'Include tokens that have expired'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s c -l column -d 'Columns to show, in this order (repeatable or a CSV list)' -r -f -a "(__fish_complete_list , __coder_columns)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s a -l all -d 'List the tokens of every user you may see (adds the owner column)'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l include-expired -d 'Include tokens that have expired'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -s c -l column -d 'Columns to show, in this order (repeatable or a CSV list)' -r -f -a "(__fish_complete_list , __coder_columns)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l delete -d 'Delete the tokens for good instead of expiring them'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l delete -d 'Delete the tokens for good instead of expiring them'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l delete -d 'Delete the tokens for good instead of expiring them'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a token; prints the key, which is shown only once'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tokens'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "view" -d 'Show one token, by name or ID'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Expire (or with --delete, delete) tokens by name, ID or full token'
complete -c coder -n "__fish_coder_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "create" -d 'Create a token; prints the key, which is shown only once'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "list" -d 'List tokens'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "ls" -d 'List tokens'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "view" -d 'Show one token, by name or ID'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "remove" -d 'Expire (or with --delete, delete) tokens by name, ID or full token'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "rm" -d 'Expire (or with --delete, delete) tokens by name, ID or full token'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "delete" -d 'Expire (or with --delete, delete) tokens by name, ID or full token'
complete -c coder -n "__fish_coder_using_subcommand token; and not __fish_seen_subcommand_from create list ls view remove rm delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -s n -l name -d 'Name of the token (the server picks one when omitted)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l lifetime -d 'How long the token lives, e.g. 8h, 30d, 1y, 1d12h30m [default: the deployment\'s maximum]' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l scope -d 'Restrict the token to these scopes (repeatable or a CSV list)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l allow -d 'Allow the token to reach only these resources, as <type>:<id> (repeatable or a CSV list)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -s u -l user -d 'Create the token for another user (owners only)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -s c -l column -d 'Columns to show, in this order (repeatable or a CSV list)' -r -f -a "(__fish_complete_list , __coder_columns)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -s a -l all -d 'List the tokens of every user you may see (adds the owner column)'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l include-expired -d 'Include tokens that have expired'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -s c -l column -d 'Columns to show, in this order (repeatable or a CSV list)' -r -f -a "(__fish_complete_list , __coder_columns)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -s a -l all -d 'List the tokens of every user you may see (adds the owner column)'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l include-expired -d 'Include tokens that have expired'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -s c -l column -d 'Columns to show, in this order (repeatable or a CSV list)' -r -f -a "(__fish_complete_list , __coder_columns)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l delete -d 'Delete the tokens for good instead of expiring them'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l delete -d 'Delete the tokens for good instead of expiring them'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l delete -d 'Delete the tokens for good instead of expiring them'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a token; prints the key, which is shown only once'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tokens'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "view" -d 'Show one token, by name or ID'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Expire (or with --delete, delete) tokens by name, ID or full token'
complete -c coder -n "__fish_coder_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l use-token-as-session -d 'Store the given token itself instead of exchanging it for a new session'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -a "token" -d 'Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -a "status" -d 'Show who you are logged in as, where, with which token, and until when'
complete -c coder -n "__fish_coder_using_subcommand login; and not __fish_seen_subcommand_from token status help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l valid-for -d 'Also fail unless the token stays valid at least this long, e.g. 30m, 2h, 7d' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show who you are logged in as, where, with which token, and until when'
complete -c coder -n "__fish_coder_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coder -n "__fish_coder_using_subcommand logout" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand logout" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand logout" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand logout" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand logout" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand logout" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand logout" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand logout" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand logout" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand logout" -s y -l yes -d 'Do not ask for confirmation'
complete -c coder -n "__fish_coder_using_subcommand logout" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand logout" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand logout" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand logout" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand logout" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand logout" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand logout" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand logout" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand logout" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand logout" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand logout" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand logout" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand completion" -s s -l shell -d 'The shell to install (or print) completions for [default: the one $SHELL names]' -r -f -a "bash\t''
elvish\t''
fish\t''
powershell\t''
zsh\t''"
complete -c coder -n "__fish_coder_using_subcommand completion" -l url -d 'URL of the Coder deployment' -r -f
complete -c coder -n "__fish_coder_using_subcommand completion" -l token -d 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)' -r -f
complete -c coder -n "__fish_coder_using_subcommand completion" -l global-config -d 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]' -r -f -a "(__fish_complete_directories)"
complete -c coder -n "__fish_coder_using_subcommand completion" -l header -d 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER\'s come first)' -r -f
complete -c coder -n "__fish_coder_using_subcommand completion" -l header-command -d 'Shell command whose output lines (key=value) are sent as extra headers' -r -f -a "(__fish_complete_command)"
complete -c coder -n "__fish_coder_using_subcommand completion" -l agent-token -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand completion" -l agent-token-file -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand completion" -l agent-url -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand completion" -l auth -d 'Accepted for compatibility; workspace agents use the Go CLI' -r
complete -c coder -n "__fish_coder_using_subcommand completion" -s p -l print -d 'Print the script instead of installing it [default: when stdout is not a terminal]'
complete -c coder -n "__fish_coder_using_subcommand completion" -l use-keyring -d 'Keep the session token in the OS keyring instead of a file'
complete -c coder -n "__fish_coder_using_subcommand completion" -s v -l verbose -d 'Print each HTTP request and response status to stderr'
complete -c coder -n "__fish_coder_using_subcommand completion" -l no-version-warning -d 'Accepted for compatibility; this client never warns about version differences'
complete -c coder -n "__fish_coder_using_subcommand completion" -l no-feature-warning -d 'Do not print license and entitlement warnings sent by the deployment'
complete -c coder -n "__fish_coder_using_subcommand completion" -l force-tty -d 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing'
complete -c coder -n "__fish_coder_using_subcommand completion" -l no-open -d 'Do not open a browser to fetch a token when logging in'
complete -c coder -n "__fish_coder_using_subcommand completion" -l debug-options -d 'Print the command\'s own options and where each value came from, then exit without running the command'
complete -c coder -n "__fish_coder_using_subcommand completion" -l disable-direct-connections -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand completion" -l disable-network-telemetry -d 'Accepted for compatibility; this client makes no workspace connections'
complete -c coder -n "__fish_coder_using_subcommand completion" -l debug-http -d 'Accepted for compatibility; use -v to see requests'
complete -c coder -n "__fish_coder_using_subcommand completion" -s h -l help -d 'Print help'
complete -c coder -n "__fish_coder_using_subcommand completion" -s V -l version -d 'Print version'
complete -c coder -n "__fish_coder_using_subcommand help; and not __fish_seen_subcommand_from tokens login logout completion help" -f -a "tokens" -d 'Create, list, inspect and revoke personal access tokens'
complete -c coder -n "__fish_coder_using_subcommand help; and not __fish_seen_subcommand_from tokens login logout completion help" -f -a "login" -d 'Log in to a Coder deployment and remember the session'
complete -c coder -n "__fish_coder_using_subcommand help; and not __fish_seen_subcommand_from tokens login logout completion help" -f -a "logout" -d 'End the session and forget the stored token'
complete -c coder -n "__fish_coder_using_subcommand help; and not __fish_seen_subcommand_from tokens login logout completion help" -f -a "completion" -d 'Install shell completions for the detected or named shell, or print the script'
complete -c coder -n "__fish_coder_using_subcommand help; and not __fish_seen_subcommand_from tokens login logout completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coder -n "__fish_coder_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "create" -d 'Create a token; prints the key, which is shown only once'
complete -c coder -n "__fish_coder_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "list" -d 'List tokens'
complete -c coder -n "__fish_coder_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "view" -d 'Show one token, by name or ID'
complete -c coder -n "__fish_coder_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "remove" -d 'Expire (or with --delete, delete) tokens by name, ID or full token'
complete -c coder -n "__fish_coder_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "token" -d 'Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))'
complete -c coder -n "__fish_coder_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "status" -d 'Show who you are logged in as, where, with which token, and until when'


use builtin;
use str;

set edit:completion:arg-completer[coder] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'coder'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'coder'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tokens 'Create, list, inspect and revoke personal access tokens'
            cand token 'Create, list, inspect and revoke personal access tokens'
            cand login 'Log in to a Coder deployment and remember the session'
            cand logout 'End the session and forget the stored token'
            cand completion 'Install shell completions for the detected or named shell, or print the script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coder;tokens'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a token; prints the key, which is shown only once'
            cand list 'List tokens'
            cand ls 'List tokens'
            cand view 'Show one token, by name or ID'
            cand remove 'Expire (or with --delete, delete) tokens by name, ID or full token'
            cand rm 'Expire (or with --delete, delete) tokens by name, ID or full token'
            cand delete 'Expire (or with --delete, delete) tokens by name, ID or full token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coder;token'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a token; prints the key, which is shown only once'
            cand list 'List tokens'
            cand ls 'List tokens'
            cand view 'Show one token, by name or ID'
            cand remove 'Expire (or with --delete, delete) tokens by name, ID or full token'
            cand rm 'Expire (or with --delete, delete) tokens by name, ID or full token'
            cand delete 'Expire (or with --delete, delete) tokens by name, ID or full token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coder;tokens;create'= {
            cand -n 'Name of the token (the server picks one when omitted)'
            cand --name 'Name of the token (the server picks one when omitted)'
            cand --lifetime 'How long the token lives, e.g. 8h, 30d, 1y, 1d12h30m [default: the deployment''s maximum]'
            cand --scope 'Restrict the token to these scopes (repeatable or a CSV list)'
            cand --allow 'Allow the token to reach only these resources, as <type>:<id> (repeatable or a CSV list)'
            cand -u 'Create the token for another user (owners only)'
            cand --user 'Create the token for another user (owners only)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;token;create'= {
            cand -n 'Name of the token (the server picks one when omitted)'
            cand --name 'Name of the token (the server picks one when omitted)'
            cand --lifetime 'How long the token lives, e.g. 8h, 30d, 1y, 1d12h30m [default: the deployment''s maximum]'
            cand --scope 'Restrict the token to these scopes (repeatable or a CSV list)'
            cand --allow 'Allow the token to reach only these resources, as <type>:<id> (repeatable or a CSV list)'
            cand -u 'Create the token for another user (owners only)'
            cand --user 'Create the token for another user (owners only)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;tokens;list'= {
            cand -c 'Columns to show, in this order (repeatable or a CSV list)'
            cand --column 'Columns to show, in this order (repeatable or a CSV list)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand -a 'List the tokens of every user you may see (adds the owner column)'
            cand --all 'List the tokens of every user you may see (adds the owner column)'
            cand --include-expired 'Include tokens that have expired'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;tokens;ls'= {
            cand -c 'Columns to show, in this order (repeatable or a CSV list)'
            cand --column 'Columns to show, in this order (repeatable or a CSV list)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand -a 'List the tokens of every user you may see (adds the owner column)'
            cand --all 'List the tokens of every user you may see (adds the owner column)'
            cand --include-expired 'Include tokens that have expired'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;token;list'= {
            cand -c 'Columns to show, in this order (repeatable or a CSV list)'
            cand --column 'Columns to show, in this order (repeatable or a CSV list)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand -a 'List the tokens of every user you may see (adds the owner column)'
            cand --all 'List the tokens of every user you may see (adds the owner column)'
            cand --include-expired 'Include tokens that have expired'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;token;ls'= {
            cand -c 'Columns to show, in this order (repeatable or a CSV list)'
            cand --column 'Columns to show, in this order (repeatable or a CSV list)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand -a 'List the tokens of every user you may see (adds the owner column)'
            cand --all 'List the tokens of every user you may see (adds the owner column)'
            cand --include-expired 'Include tokens that have expired'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;tokens;view'= {
            cand -c 'Columns to show, in this order (repeatable or a CSV list)'
            cand --column 'Columns to show, in this order (repeatable or a CSV list)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;token;view'= {
            cand -c 'Columns to show, in this order (repeatable or a CSV list)'
            cand --column 'Columns to show, in this order (repeatable or a CSV list)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;tokens;remove'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --delete 'Delete the tokens for good instead of expiring them'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;tokens;rm'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --delete 'Delete the tokens for good instead of expiring them'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;tokens;delete'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --delete 'Delete the tokens for good instead of expiring them'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;token;remove'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --delete 'Delete the tokens for good instead of expiring them'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;token;rm'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --delete 'Delete the tokens for good instead of expiring them'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;token;delete'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --delete 'Delete the tokens for good instead of expiring them'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;tokens;help'= {
            cand create 'Create a token; prints the key, which is shown only once'
            cand list 'List tokens'
            cand view 'Show one token, by name or ID'
            cand remove 'Expire (or with --delete, delete) tokens by name, ID or full token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coder;tokens;help;create'= {
        }
        &'coder;tokens;help;list'= {
        }
        &'coder;tokens;help;view'= {
        }
        &'coder;tokens;help;remove'= {
        }
        &'coder;tokens;help;help'= {
        }
        &'coder;token;help'= {
            cand create 'Create a token; prints the key, which is shown only once'
            cand list 'List tokens'
            cand view 'Show one token, by name or ID'
            cand remove 'Expire (or with --delete, delete) tokens by name, ID or full token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coder;token;help;create'= {
        }
        &'coder;token;help;list'= {
        }
        &'coder;token;help;view'= {
        }
        &'coder;token;help;remove'= {
        }
        &'coder;token;help;help'= {
        }
        &'coder;login'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-token-as-session 'Store the given token itself instead of exchanging it for a new session'
            cand --no-open 'Do not open a browser to fetch a token'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand token 'Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))'
            cand status 'Show who you are logged in as, where, with which token, and until when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coder;login;token'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;login;status'= {
            cand --valid-for 'Also fail unless the token stays valid at least this long, e.g. 30m, 2h, 7d'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;login;help'= {
            cand token 'Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))'
            cand status 'Show who you are logged in as, where, with which token, and until when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coder;login;help;token'= {
        }
        &'coder;login;help;status'= {
        }
        &'coder;login;help;help'= {
        }
        &'coder;logout'= {
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;completion'= {
            cand -s 'The shell to install (or print) completions for [default: the one $SHELL names]'
            cand --shell 'The shell to install (or print) completions for [default: the one $SHELL names]'
            cand --url 'URL of the Coder deployment'
            cand --token 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)'
            cand --global-config 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]'
            cand --header 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)'
            cand --header-command 'Shell command whose output lines (key=value) are sent as extra headers'
            cand -p 'Print the script instead of installing it [default: when stdout is not a terminal]'
            cand --print 'Print the script instead of installing it [default: when stdout is not a terminal]'
            cand --use-keyring 'Keep the session token in the OS keyring instead of a file'
            cand -v 'Print each HTTP request and response status to stderr'
            cand --verbose 'Print each HTTP request and response status to stderr'
            cand --no-version-warning 'Accepted for compatibility; this client never warns about version differences'
            cand --no-feature-warning 'Do not print license and entitlement warnings sent by the deployment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coder;help'= {
            cand tokens 'Create, list, inspect and revoke personal access tokens'
            cand login 'Log in to a Coder deployment and remember the session'
            cand logout 'End the session and forget the stored token'
            cand completion 'Install shell completions for the detected or named shell, or print the script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coder;help;tokens'= {
            cand create 'Create a token; prints the key, which is shown only once'
            cand list 'List tokens'
            cand view 'Show one token, by name or ID'
            cand remove 'Expire (or with --delete, delete) tokens by name, ID or full token'
        }
        &'coder;help;tokens;create'= {
        }
        &'coder;help;tokens;list'= {
        }
        &'coder;help;tokens;view'= {
        }
        &'coder;help;tokens;remove'= {
        }
        &'coder;help;login'= {
            cand token 'Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))'
            cand status 'Show who you are logged in as, where, with which token, and until when'
        }
        &'coder;help;login;token'= {
        }
        &'coder;help;login;status'= {
        }
        &'coder;help;logout'= {
        }
        &'coder;help;completion'= {
        }
        &'coder;help;help'= {
        }
    ]
    $completions[$command]
}


using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'coder' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'coder'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'coder' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Create, list, inspect and revoke personal access tokens')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Create, list, inspect and revoke personal access tokens')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a Coder deployment and remember the session')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session and forget the stored token')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Install shell completions for the detected or named shell, or print the script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coder;tokens' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints the key, which is shown only once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one token, by name or ID')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Expire (or with --delete, delete) tokens by name, ID or full token')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Expire (or with --delete, delete) tokens by name, ID or full token')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Expire (or with --delete, delete) tokens by name, ID or full token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coder;token' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints the key, which is shown only once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one token, by name or ID')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Expire (or with --delete, delete) tokens by name, ID or full token')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Expire (or with --delete, delete) tokens by name, ID or full token')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Expire (or with --delete, delete) tokens by name, ID or full token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coder;tokens;create' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the token (the server picks one when omitted)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the token (the server picks one when omitted)')
            [CompletionResult]::new('--lifetime', '--lifetime', [CompletionResultType]::ParameterName, 'How long the token lives, e.g. 8h, 30d, 1y, 1d12h30m [default: the deployment''s maximum]')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Restrict the token to these scopes (repeatable or a CSV list)')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Allow the token to reach only these resources, as <type>:<id> (repeatable or a CSV list)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Create the token for another user (owners only)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Create the token for another user (owners only)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;token;create' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the token (the server picks one when omitted)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the token (the server picks one when omitted)')
            [CompletionResult]::new('--lifetime', '--lifetime', [CompletionResultType]::ParameterName, 'How long the token lives, e.g. 8h, 30d, 1y, 1d12h30m [default: the deployment''s maximum]')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Restrict the token to these scopes (repeatable or a CSV list)')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Allow the token to reach only these resources, as <type>:<id> (repeatable or a CSV list)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Create the token for another user (owners only)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Create the token for another user (owners only)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;tokens;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'List the tokens of every user you may see (adds the owner column)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'List the tokens of every user you may see (adds the owner column)')
            [CompletionResult]::new('--include-expired', '--include-expired', [CompletionResultType]::ParameterName, 'Include tokens that have expired')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;tokens;ls' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'List the tokens of every user you may see (adds the owner column)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'List the tokens of every user you may see (adds the owner column)')
            [CompletionResult]::new('--include-expired', '--include-expired', [CompletionResultType]::ParameterName, 'Include tokens that have expired')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;token;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'List the tokens of every user you may see (adds the owner column)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'List the tokens of every user you may see (adds the owner column)')
            [CompletionResult]::new('--include-expired', '--include-expired', [CompletionResultType]::ParameterName, 'Include tokens that have expired')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;token;ls' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'List the tokens of every user you may see (adds the owner column)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'List the tokens of every user you may see (adds the owner column)')
            [CompletionResult]::new('--include-expired', '--include-expired', [CompletionResultType]::ParameterName, 'Include tokens that have expired')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;tokens;view' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;token;view' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'Columns to show, in this order (repeatable or a CSV list)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;tokens;remove' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete the tokens for good instead of expiring them')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;tokens;rm' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete the tokens for good instead of expiring them')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;tokens;delete' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete the tokens for good instead of expiring them')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;token;remove' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete the tokens for good instead of expiring them')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;token;rm' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete the tokens for good instead of expiring them')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;token;delete' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete the tokens for good instead of expiring them')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;tokens;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints the key, which is shown only once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one token, by name or ID')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Expire (or with --delete, delete) tokens by name, ID or full token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coder;tokens;help;create' {
            break
        }
        'coder;tokens;help;list' {
            break
        }
        'coder;tokens;help;view' {
            break
        }
        'coder;tokens;help;remove' {
            break
        }
        'coder;tokens;help;help' {
            break
        }
        'coder;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints the key, which is shown only once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one token, by name or ID')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Expire (or with --delete, delete) tokens by name, ID or full token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coder;token;help;create' {
            break
        }
        'coder;token;help;list' {
            break
        }
        'coder;token;help;view' {
            break
        }
        'coder;token;help;remove' {
            break
        }
        'coder;token;help;help' {
            break
        }
        'coder;login' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-token-as-session', '--use-token-as-session', [CompletionResultType]::ParameterName, 'Store the given token itself instead of exchanging it for a new session')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show who you are logged in as, where, with which token, and until when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coder;login;token' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;login;status' {
            [CompletionResult]::new('--valid-for', '--valid-for', [CompletionResultType]::ParameterName, 'Also fail unless the token stays valid at least this long, e.g. 30m, 2h, 7d')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;login;help' {
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show who you are logged in as, where, with which token, and until when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coder;login;help;token' {
            break
        }
        'coder;login;help;status' {
            break
        }
        'coder;login;help;help' {
            break
        }
        'coder;logout' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;completion' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'The shell to install (or print) completions for [default: the one $SHELL names]')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The shell to install (or print) completions for [default: the one $SHELL names]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL of the Coder deployment')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)')
            [CompletionResult]::new('--global-config', '--global-config', [CompletionResultType]::ParameterName, 'Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER''s come first)')
            [CompletionResult]::new('--header-command', '--header-command', [CompletionResultType]::ParameterName, 'Shell command whose output lines (key=value) are sent as extra headers')
            [CompletionResult]::new('--agent-token', '--agent-token', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-token-file', '--agent-token-file', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--agent-url', '--agent-url', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Accepted for compatibility; workspace agents use the Go CLI')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Print the script instead of installing it [default: when stdout is not a terminal]')
            [CompletionResult]::new('--print', '--print', [CompletionResultType]::ParameterName, 'Print the script instead of installing it [default: when stdout is not a terminal]')
            [CompletionResult]::new('--use-keyring', '--use-keyring', [CompletionResultType]::ParameterName, 'Keep the session token in the OS keyring instead of a file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP request and response status to stderr')
            [CompletionResult]::new('--no-version-warning', '--no-version-warning', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client never warns about version differences')
            [CompletionResult]::new('--no-feature-warning', '--no-feature-warning', [CompletionResultType]::ParameterName, 'Do not print license and entitlement warnings sent by the deployment')
            [CompletionResult]::new('--force-tty', '--force-tty', [CompletionResultType]::ParameterName, 'Behave as at a terminal: prompts are shown and read from stdin, a browser is opened for login, and `completion` installs instead of printing')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser to fetch a token when logging in')
            [CompletionResult]::new('--debug-options', '--debug-options', [CompletionResultType]::ParameterName, 'Print the command''s own options and where each value came from, then exit without running the command')
            [CompletionResult]::new('--disable-direct-connections', '--disable-direct-connections', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--disable-network-telemetry', '--disable-network-telemetry', [CompletionResultType]::ParameterName, 'Accepted for compatibility; this client makes no workspace connections')
            [CompletionResult]::new('--debug-http', '--debug-http', [CompletionResultType]::ParameterName, 'Accepted for compatibility; use -v to see requests')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coder;help' {
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Create, list, inspect and revoke personal access tokens')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a Coder deployment and remember the session')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session and forget the stored token')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Install shell completions for the detected or named shell, or print the script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coder;help;tokens' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints the key, which is shown only once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one token, by name or ID')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Expire (or with --delete, delete) tokens by name, ID or full token')
            break
        }
        'coder;help;tokens;create' {
            break
        }
        'coder;help;tokens;list' {
            break
        }
        'coder;help;tokens;view' {
            break
        }
        'coder;help;tokens;remove' {
            break
        }
        'coder;help;login' {
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show who you are logged in as, where, with which token, and until when')
            break
        }
        'coder;help;login;token' {
            break
        }
        'coder;help;login;status' {
            break
        }
        'coder;help;logout' {
            break
        }
        'coder;help;completion' {
            break
        }
        'coder;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

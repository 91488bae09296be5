export const USAGE = `Usage: voortgangsbrief <command> [dir] [options]

Commands:
  build [dir]   render the letter project in dir (default: .) to PDF and HTML
  check [dir]   validate the project without a browser
  help          show this text

Options:
  --out <dir>          output folder (default: <dir>/output)
  --set <key=value>    override a field, highest precedence; repeatable
  --browser <path>     Chromium or Chrome to use (or set VOORTGANGSBRIEF_BROWSER)
  --timeout <seconds>  give up on a render after this long (default: 60)
  --json               print the result as one JSON object on stdout
  --quiet              print nothing but errors
  --version            print the version`;

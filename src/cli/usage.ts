export const USAGE = `Usage: voortgangsbrief <command> [dir] [options]

Commands:
  build [dir...]         render the letter project in dir (default: .) to PDF and HTML;
                         several projects share one browser and print in parallel
  check [dir]            validate the project without a browser
  watch [dir]            rebuild on every change and serve a live preview
  init <dir>             start a new letter project (--type kamerbrief|voortgangsbrief|
                         kamervragen|verzamelbrief|kamerstuk|eerste-kamer)
  schema [name]          print a JSON Schema: brief (default), sectie, config,
                         moties, toezeggingen, bronnen or reeksen
  help                   show this text

Options:
  --out <dir>            output folder (default: <dir>/output); with several
                         projects, one subfolder per project
  --set <key=value>      override a field, highest precedence; repeatable
  --browser <path>       Chromium or Chrome to use (or set VOORTGANGSBRIEF_BROWSER)
  --timeout <seconds>    give up on a build after this long, check included (default: 60)
  --strict               treat warnings as errors
  --split                build: one PDF per document (brief.pdf, brief-bijlage-1.pdf, …)
  --json                 print the result as one JSON object on stdout
  --quiet                print nothing but errors and warnings
  --port <n>             port of the watch preview (default: 4173)
  --no-pdf               watch: update the preview only, skip the PDF
  --type <type>          init: the kind of letter
  --debug                print stack traces, for a bug report
  --version              print the version`;

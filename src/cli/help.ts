/**
 * `copydesk --help`: written from the rule registry and the reporter list, so
 * that it names every rule, report and exit code there is.
 */
import {rules, ruleIds} from '../core/rules.js'
import {REPORTERS, type ReporterName} from './reporters/index.js'
import {ARCHIVE_THRESHOLD} from './run.js'
import {EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_LINT, EXIT_OK, EXIT_USAGE} from './exit-codes.js'

const REPORT_DESCRIPTIONS: Record<ReporterName, string> = {
  pretty: 'for people, on a terminal (the default)',
  json: 'one entry per file with its messages (vfile-reporter-json, with ranges)',
  jsonl:
    'the json entries one per line, each written as its file is done (memory stays flat on an archive; copydesk merge turns it into SARIF)',
  sarif: 'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers',
  github: 'GitHub Actions workflow commands (annotations on the changed files)'
}

const EXIT_DESCRIPTIONS: Array<[number, string]> = [
  [EXIT_OK, 'no error-level message (warnings only, or none)'],
  [EXIT_LINT, 'an error-level message, or a warning with --frail'],
  [EXIT_USAGE, 'a usage error, an invalid config or knowledge file, or input that cannot be read as text'],
  [EXIT_INTERNAL, 'an internal error (a bug in copydesk: please report it; COPYDESK_DEBUG=1 prints the stack)'],
  [EXIT_INTERRUPTED, 'interrupted (Ctrl-C) before the report']
]

/** Columns of a terminal the help must fit. */
const WIDTH = 80

/** `  name  text`, the text wrapped at WIDTH under itself. */
function table(rows: Array<[string, string]>): string {
  const nameWidth = Math.max(...rows.map(([name]) => name.length)) + 2
  const indent = ' '.repeat(2 + nameWidth)
  return rows
    .map(([name, text]) => {
      const lines: string[] = []
      let line = ''
      for (const word of text.split(' ')) {
        if (line && indent.length + line.length + 1 + word.length > WIDTH) {
          lines.push(line)
          line = word
        } else line = line ? `${line} ${word}` : word
      }
      lines.push(line)
      return `  ${name.padEnd(nameWidth)}${lines.join('\n' + indent)}`
    })
    .join('\n')
}

export function helpText(): string {
  return `Usage: copydesk [options] [files, folders or globs ...]
       copydesk serve [--port 8080]     the page for editors, on this machine
       copydesk merge [shard.jsonl ...] --report jsonl outputs into one SARIF

Lint news copy for errors of fact and number that a spelling or style checker
misses. With no files, reads the story from standard input.

Options:
  -r, --report <name>       report format: ${REPORTERS.join(', ')}
                            (default: pretty; see Reports)
      --frail               exit 1 on warnings too
  -q, --quiet               report only files with messages
  -s, --silent              report only error-level messages
  -c, --config <file>       use this config instead of the nearest .copydeskrc
      --no-config           use no config file
      --rule <id>=<level>   set a rule to off, warn or error (repeatable)
      --date <YYYY-MM-DD>   the story date (decides who held an office)
      --source <file>       the Chinese source of the one story given: check
                            that every figure survived translation
      --since <ref>         report only lines changed against a git revision
                            (e.g. origin/main in a pull request)
      --stdin-filename <p>  path to give standard input (its extension picks
                            the format, its folder the config)
      --ignore-path <file>  ignore file to use instead of .copydeskignore
      --no-ignore           use no ignore file
      --color / --no-color  colour the pretty report (default: on a terminal)
  -j, --jobs <n>            worker threads for ${ARCHIVE_THRESHOLD} files or more (default: one
                            per core from 3 cores, else 0; 0 lints every file
                            in the main thread)
      --max-size <MB>       refuse stories larger than this (default: 16)
      --shard <i/n>         lint only part i of n of the files (a hash of each
                            path relative to this folder; for a CI matrix)
      --docs <url>          base of the rules' documentation links (default:
                            .copydeskrc \`docs\`, else the published docs)
  -h, --help                show this help
  -v, --version             show the version

Rules (each on at warn unless a .copydeskrc or --rule says otherwise):
${table(ruleIds.map((id) => [id, rules[id].meta.description]))}

Reports:
${table(REPORTERS.map((name) => [name, REPORT_DESCRIPTIONS[name]]))}

Exit codes:
${table(EXIT_DESCRIPTIONS.map(([code, text]) => [String(code), text]))}`
}

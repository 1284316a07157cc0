/**
 * copydesk's programmatic interface: lint a story and get vfile messages.
 */
import {VFile} from 'vfile'
import {createProcessor, type ProcessorOptions} from './core/processor.js'
import {loadKnowledge} from './knowledge/base.js'

export {createProcessor, type ProcessorOptions, type RuleSetting, type Severity} from './core/processor.js'
export {loadKnowledge, Knowledge} from './knowledge/base.js'
export {rules, ruleIds, type RuleId} from './core/rules.js'

export interface LintOptions extends Partial<ProcessorOptions> {
  /** File path (its extension picks the format: .md, .html, else plain text). */
  path?: string
  /** The story's Chinese source, for the source-mismatch rule. */
  source?: string
}

/** Lint one story; resolves to the file with its messages, sorted by place. */
export async function lint(value: string, options: LintOptions = {}): Promise<VFile> {
  const knowledge = options.knowledge ?? loadKnowledge()
  const processor = createProcessor({...options, knowledge})
  const file = new VFile({value, path: options.path ?? 'story.txt'})
  if (options.source !== undefined) file.data.source = {path: 'source', text: options.source}
  const tree = processor.parse(file)
  await processor.run(tree, file)
  sortMessages(file)
  return file
}

/** Deterministic order: by place, then rule id, then reason. */
export function sortMessages(file: VFile): void {
  file.messages.sort((a, b) => {
    const la = a.place && 'start' in a.place ? a.place.start : a.place
    const lb = b.place && 'start' in b.place ? b.place.start : b.place
    return (
      (la?.line ?? 0) - (lb?.line ?? 0) ||
      (la?.column ?? 0) - (lb?.column ?? 0) ||
      String(a.ruleId).localeCompare(String(b.ruleId)) ||
      a.reason.localeCompare(b.reason)
    )
  })
}

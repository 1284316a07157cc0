/**
 * The one lint path. Every entry point ends here: the command line's engine
 * plugin, the archive workers, the language server and the page hand this
 * function a file (its path and text) and the settings that apply to it, and get
 * its messages back, sorted. Nothing here reads the disk: the page calls it in
 * the browser, and callers on Node read the file and resolve its settings
 * (src/config/lint-file.ts).
 */
import type {Root} from 'nlcst'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createProcessor, type ProcessorOptions} from './processor.js'
import {fatalMessage, settleRuleFailures, sortMessages} from './messages.js'

/**
 * Everything that decides a file's messages besides its text: the knowledge
 * base, rule settings, story date, accepted phrases, the format for files whose
 * extension does not say, and the size limit.
 */
export type LintSettings = ProcessorOptions

/** A story's Chinese source, for the source-mismatch rule. */
export interface StorySource {
  path: string
  text: string
}

/**
 * Processors by settings: one per config (and matched overrides), built once,
 * not once per file. Settings objects are reused by their resolver, so the
 * cache is keyed by identity and goes when the settings do.
 */
const processors = new WeakMap<LintSettings, Processor<Root, Root, Root, undefined, undefined>>()

function processorFor(settings: LintSettings) {
  let processor = processors.get(settings)
  if (!processor) {
    // No plugin but copydesk's reads this processor's tree: it keeps no nodes.
    processor = createProcessor({...settings, keepTree: false}).freeze() as unknown as Processor<
      Root,
      Root,
      Root,
      undefined,
      undefined
    >
    processors.set(settings, processor)
  }
  return processor
}

/**
 * Lint one file: parse it by format, run the rules with `settings`, and sort
 * the messages. A file that cannot be linted (binary, too large, a failure in
 * the parser) gets one fatal message with a one-line reason instead of a
 * rejection; a rule that throws, one line naming the rule (the others still run).
 * The messages are on `file.messages` too.
 */
export async function lint(
  file: VFile,
  settings: LintSettings,
  options: {source?: StorySource} = {}
): Promise<VFileMessage[]> {
  if (options.source) file.data.source = options.source
  try {
    const processor = processorFor(settings)
    const tree = processor.parse(file)
    await processor.run(tree, file)
  } catch (error) {
    fatalMessage(file, error)
  }
  settleRuleFailures(file)
  sortMessages(file)
  return file.messages
}

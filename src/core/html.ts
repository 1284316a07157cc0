/**
 * HTML, read in linear time: the hast tree (for suppression comments) and the
 * prose of its paragraphs.
 *
 * parse5 builds any depth of nesting, but the tools that walk a tree recurse:
 * 2,000 nested `<div>`s overflow the stack of hast-util-from-parse5. Elements
 * nested deeper than {@link MAX_DEPTH} are flattened: their text, comments and
 * unreadable elements (script, code, …) are lifted into the element at that
 * depth, so the text is still linted and suppression comments still apply.
 *
 * What is prose follows hast-util-to-nlcst (whose whole-paragraph parse this
 * replaces with the bounded one of english.ts): `<p>` and headings are
 * paragraphs, runs of phrasing content in flow containers (`<body>`, `<div>`,
 * `<li>`, `<td>`, …) are implicit paragraphs; `<script>`, `<style>`, `<svg>`,
 * `<math>`, `<del>` and elements marked `data-nlcst="ignore"` are not prose,
 * `<code>` (and `data-nlcst="source"`) is one object character, `<br>` a line
 * break, `<wbr>` a space.
 */
import type {Element, ElementContent, Nodes, Root, RootContent} from 'hast'
import {parse, defaultTreeAdapter, type DefaultTreeAdapterMap, type TreeAdapter} from 'parse5'
import {fromParse5} from 'hast-util-from-parse5'
import {phrasing} from 'hast-util-phrasing'
import {embedded} from 'hast-util-embedded'
import {whitespace} from 'hast-util-whitespace'
import type {VFile} from 'vfile'
import type {ProseBuilder} from './prose.js'

/** Elements nested deeper than this are flattened into their ancestor at this depth. */
export const MAX_DEPTH = 256

/** Elements kept whole (without their content) when flattened: not prose, or one object character. */
const KEPT_WHOLE = new Set(['script', 'style', 'svg', 'math', 'del', 'template', 'code', 'br', 'wbr', 'textarea'])

/** A parse5 node, as much of it as flattening needs. */
interface Parse5Node {
  nodeName: string
  tagName?: string
  childNodes?: Parse5Node[]
  content?: Parse5Node
  parentNode?: Parse5Node | null
}

/**
 * parse5's own tree, built by its default tree adapter but for two steps. Where a
 * node's end moves (a text node that grows by a token: each word and each run of
 * white space; an element at its end tag), the adapter spreads the old location and
 * the new end into a new object, the end is set here in place. The location objects
 * it updates are never shared: an element's is made for it (its start tag's location
 * is a property of it), a text node's is the location of its first character token,
 * which the tokenizer makes for that token alone. About a twentieth of an HTML
 * story's lint, and as much garbage. And a text node's value is joined when the next
 * text node starts (below). Made on first use (the bundle loads parse5 lazily).
 */
let inPlaceAdapter: TreeAdapter<DefaultTreeAdapterMap> | undefined

/**
 * The text node parse5 is growing (its value a string of one piece per token). When
 * the next text node starts, this one's value is made one string: the pieces then die
 * young, instead of every text node of the file holding hundreds of them alive until
 * the parse ends (and the collector copying them all to the old generation).
 */
let growing: {value: string} | undefined

export function treeAdapter(): TreeAdapter<DefaultTreeAdapterMap> {
  return (inPlaceAdapter ??= {
    ...defaultTreeAdapter,
    insertText(parentNode, text) {
      const children = parentNode.childNodes
      const last = children[children.length - 1]
      if (last !== undefined && defaultTreeAdapter.isTextNode(last)) {
        last.value += text
        return
      }
      // Reading a character of a string of pieces joins them (V8 flattens it in place).
      if (growing !== undefined && growing.value.length > 0) growing.value.charCodeAt(0)
      const node = defaultTreeAdapter.createTextNode(text)
      defaultTreeAdapter.appendChild(parentNode, node)
      growing = node
    },
    updateNodeSourceCodeLocation(node, end) {
      const location = node.sourceCodeLocation
      if (!location) {
        node.sourceCodeLocation = {...end} as never
        return
      }
      // parse5 passes an end (line, column, offset), with the end tag's location at an element's end tag.
      if (end.endTag !== undefined) (location as {endTag?: unknown}).endTag = end.endTag
      location.endLine = end.endLine!
      location.endCol = end.endCol!
      location.endOffset = end.endOffset!
    }
  })
}

/** Parse HTML into a hast tree with positions in the file, nesting bounded. */
export function readHtml(doc: string, file: VFile): Root {
  let document: Parse5Node
  try {
    document = parse(doc, {
      sourceCodeLocationInfo: true,
      scriptingEnabled: false,
      treeAdapter: treeAdapter()
    }) as unknown as Parse5Node
  } finally {
    growing = undefined
  }
  flatten(document)
  return fromParse5(document as never, {file}) as Root
}

function flatten(document: Parse5Node): void {
  const stack: Array<[Parse5Node, number]> = [[document, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    const children = [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])]
    if (depth >= MAX_DEPTH && node.childNodes && node.childNodes.some((child) => child.childNodes?.length)) {
      node.childNodes = lifted(node)
      for (const child of node.childNodes) child.parentNode = node
      continue
    }
    for (const child of children) if (child.childNodes) stack.push([child, depth + 1])
  }
}

/** The content of `node`, in document order, with every element that holds others unwrapped. */
function lifted(node: Parse5Node): Parse5Node[] {
  const result: Parse5Node[] = []
  const stack: Parse5Node[] = [...(node.childNodes ?? [])].reverse()
  while (stack.length > 0) {
    const current = stack.pop()!
    const name = current.tagName
    if (name === undefined || KEPT_WHOLE.has(name)) {
      if (name !== undefined) {
        current.childNodes = []
        if (current.content) current.content.childNodes = []
      }
      result.push(current)
    } else {
      const children = current.childNodes ?? []
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index])
    }
  }
  return result
}

const EXPLICIT = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const FLOW = new Set([
  'body',
  'article',
  'section',
  'blockquote',
  'nav',
  'aside',
  'header',
  'footer',
  'address',
  'li',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'div',
  'main',
  'caption',
  'td',
  'th',
  'form',
  'fieldset',
  'details',
  'dialog'
])
const IGNORED = new Set(['script', 'style', 'svg', 'math', 'del'])
/** Elements whose content is flattened into the paragraph around them. */
const TRANSPARENT = new Set(['a', 'ins', 'del', 'map'])

function isIgnored(node: Element): boolean {
  return IGNORED.has(node.tagName) || node.properties?.dataNlcst === 'ignore'
}

function isSource(node: Element): boolean {
  return node.tagName === 'code' || node.properties?.dataNlcst === 'source'
}

/** The prose of an HTML tree of `doc`, paragraph by paragraph. */
export function htmlProse(tree: Root, builder: ProseBuilder, doc: string): void {
  const state = {builder, lastEnd: 0, doc}
  find(tree, state)
}

interface State {
  builder: ProseBuilder
  lastEnd: number
  doc: string
}

/**
 * Whether parse5 reads the file's characters `from` to `to` as they stand: none of
 * them is one it decodes or replaces (`&` of a character reference, CR, NUL). A
 * text node of that span and of that length then holds exactly those characters
 * (parse5 only drops characters besides: a length that differs says so). Its value
 * is then not compared with the file: the prose takes the file's own characters, one
 * pass over them instead of two (and no joining of a value parse5 left in pieces).
 */
export function readsAsWritten(doc: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = doc.charCodeAt(index)
    if (code === 38 || code === 13 || code === 0) return false
  }
  return true
}

function find(node: Nodes, state: State): void {
  if (node.type === 'root') {
    for (const child of node.children) find(child, state)
  } else if (node.type === 'element' && !isIgnored(node)) {
    if (EXPLICIT.has(node.tagName)) paragraph(node.children, state)
    else if (FLOW.has(node.tagName)) implicit(flattenTransparent(node.children), state)
    else for (const child of node.children) find(child, state)
  }
}

function flattenTransparent(children: ElementContent[]): ElementContent[] {
  const result: ElementContent[] = []
  for (const child of children) {
    if (child.type === 'element' && TRANSPARENT.has(child.tagName)) result.push(...flattenTransparent(child.children))
    else result.push(child)
  }
  return result
}

/** Runs of phrasing content are paragraphs (if they hold more than white space); the rest is searched. */
function implicit(children: Array<RootContent | ElementContent>, state: State): void {
  let start = -1
  let viable = false
  for (let index = 0; index <= children.length; index++) {
    const child = children[index]
    if (child && phrasing(child)) {
      if (start === -1) start = index
      if (!viable && !embedded(child) && !whitespace(child)) viable = true
    } else if (child && start === -1) {
      find(child, state)
    } else if (start !== -1) {
      const run = children.slice(start, index)
      if (viable) paragraph(run, state)
      else for (const node of run) find(node, state)
      if (child) find(child, state)
      viable = false
      start = -1
    }
  }
}

function paragraph(children: Array<RootContent | ElementContent>, state: State): void {
  const first = children.find((child) => child.position)
  const start = first?.position?.start.offset ?? state.lastEnd
  const builder = state.builder
  builder.blockBreak(state.lastEnd, start)
  const stack: Array<RootContent | ElementContent> = [...children].reverse()
  let end = start
  while (stack.length > 0) {
    const node = stack.pop()!
    const from = node.position?.start.offset
    const to = node.position?.end.offset
    if (to !== undefined) end = Math.max(end, to)
    if (node.type === 'text') {
      if (from === undefined || to === undefined) continue
      if (to - from === node.value.length && to <= state.doc.length && readsAsWritten(state.doc, from, to)) {
        builder.verbatim(state.doc.slice(from, to), from)
      } else builder.decoded(node.value, from, to)
    } else if (node.type === 'element' && !isIgnored(node)) {
      if (from === undefined || to === undefined) continue
      if (node.tagName === 'wbr') builder.replaced(' ', from, to - from)
      else if (node.tagName === 'br') builder.replaced('\n', from, to - from)
      else if (isSource(node)) builder.object(from, to)
      else for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index])
    }
  }
  state.lastEnd = end
}

#!/usr/bin/env node
// Compile the built-in data files (data/*.yaml) to JSON in dist/data/, after checking
// each with the same validation the loader applies (a bad entry fails the build with
// its file and line). At run time copydesk reads the JSON: parsing YAML on every
// start cost more than linting a story.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {readData} = await import(path.join(root, 'dist/src/knowledge/files.js'))
const {compileLexicon} = await import(path.join(root, 'dist/src/knowledge/lexicon.js'))
const {compileZhData} = await import(path.join(root, 'dist/src/zh/data.js'))
const {mergeKnowledgeFile, emptyKnowledge} = await import(path.join(root, 'dist/src/knowledge/base.js'))

const out = path.join(root, 'dist', 'data')
fs.mkdirSync(out, {recursive: true})
const knowledge = emptyKnowledge()
for (const name of fs
  .readdirSync(path.join(root, 'data'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const display = `data/${name}`
  const located = readData(path.join(root, 'data', name), display, {compiled: false})
  if (name === 'lexicon.yaml') compileLexicon(located.value, display, located.lineOf)
  else if (name === 'zh.yaml') compileZhData(located.value, display, located.lineOf)
  else mergeKnowledgeFile(knowledge, located, display)
  fs.writeFileSync(path.join(out, name.replace(/\.yaml$/, '.json')), JSON.stringify(located.value))
}
console.log(`compiled ${fs.readdirSync(out).length} data files to dist/data/`)

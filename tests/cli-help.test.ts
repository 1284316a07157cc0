/**
 * `copydesk --help` names every rule, every report and every exit code the
 * command can give (it is written from the registries, so a new rule shows).
 */
import {describe, expect, it} from 'vitest'
import {helpText} from '../src/cli/help.js'
import {ruleIds, rules} from '../src/core/rules.js'
import {REPORTERS} from '../src/cli/reporters/index.js'
import * as exitCodes from '../src/cli/exit-codes.js'

describe('copydesk --help', () => {
  const help = helpText()
  const section = (title: string) => help.slice(help.indexOf(`\n${title}`)).split('\n\n')[0]

  it('lists every rule with its description', () => {
    const list = section('Rules')
    for (const id of ruleIds) {
      expect(list).toMatch(new RegExp(`^  ${id} +${rules[id].meta.description.split(' ')[0]}`, 'm'))
    }
    expect(list.match(/^ {2}[a-z]+(?:-[a-z]+)+ /gm)).toHaveLength(ruleIds.length)
  })

  it('lists every report', () => {
    const list = section('Reports')
    for (const name of REPORTERS) expect(list).toMatch(new RegExp(`^  ${name} `, 'm'))
  })

  it('lists every exit code, 3 and 130 included', () => {
    const list = section('Exit codes')
    const codes = Object.values(exitCodes).sort((a, b) => a - b)
    expect(codes).toEqual([0, 1, 2, 3, 130])
    expect(list.match(/^ {2}\d+ /gm)!.map((line) => Number(line))).toEqual(codes)
  })

  it('keeps every line within 80 columns', () => {
    expect(help.split('\n').filter((line) => line.length > 80)).toEqual([])
  })
})

/**
 * A real editor: headless Neovim with its built-in LSP client attached to the
 * copydesk language server (editors/neovim/lua/copydesk.lua), opening the seed
 * story; the test reads the diagnostics Neovim received.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {read, root} from './helpers.js'

const nvim = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
const hasNvim = nvim.status === 0
// In CI (.ci/run installs Debian's neovim) a missing Neovim is a failure, not a skip.
const required = process.env.CI === 'true'

describe('Neovim', () => {
  it.runIf(hasNvim || required)('receives copydesk diagnostics for the seed story', {timeout: 90000}, () => {
    expect(hasNvim, 'nvim is not installed').toBe(true)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-nvim-'))
    fs.writeFileSync(path.join(dir, 'story.txt'), read('fixtures/seed/china-asean-expo.txt'))
    const out = path.join(dir, 'diagnostics.json')
    const init = `
vim.opt.runtimepath:prepend(${JSON.stringify(path.join(root, 'editors', 'neovim'))})
vim.cmd('filetype on')
local attach = require('copydesk').setup({ cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(path.join(root, 'bin', 'copydesk-language-server.js'))}, '--stdio' } })
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  attach({ buf = vim.api.nvim_get_current_buf() })
  local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) >= 10 end, 50)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, code = d.code or lsp.code, source = d.source })
  end
  local f = io.open(${JSON.stringify(out)}, 'w')
  f:write(vim.fn.json_encode({ ok = ok, diagnostics = list }))
  f:close()
  vim.cmd('qa!')
end })
`
    fs.writeFileSync(path.join(dir, 'init.lua'), init)
    const result = spawnSync(
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', path.join(dir, 'init.lua'), 'story.txt'],
      {cwd: dir, encoding: 'utf8', timeout: 80000}
    )
    expect(result.status, result.stderr).toBe(0)
    const received = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      ok: boolean
      diagnostics: Array<{lnum: number; col: number; end_col: number; code: string; source: string}>
    }
    expect(received.ok).toBe(true)
    const got = received.diagnostics.map((d) => `${d.code} ${d.lnum}:${d.col}-${d.end_col}`).sort()
    expect(got).toEqual(
      [
        'impossible-figure 0:108-118',
        'malformed-ordinal 0:453-455',
        'name-mismatch 2:245-254',
        'malformed-ordinal 10:109-136',
        'garbled-numeral 16:127-136',
        'garbled-numeral 20:7-14',
        'garbled-numeral 20:185-198',
        'name-mismatch 22:325-344',
        'name-mismatch 28:26-41',
        'name-mismatch 30:154-190'
      ].sort()
    )
    expect(new Set(received.diagnostics.map((d) => d.source))).toEqual(new Set(['copydesk']))
    fs.rmSync(dir, {recursive: true, force: true})
  })
})

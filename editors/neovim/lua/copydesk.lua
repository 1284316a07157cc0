-- copydesk in Neovim's built-in LSP client (Neovim 0.7 or later).
-- Put editors/neovim on your runtimepath (or copy this file to ~/.config/nvim/lua/) and call
--   require('copydesk').setup()
-- (or `:luafile path/to/copydesk.lua` and call `CopydeskSetup()`).
-- Options: { cmd = { 'copydesk-language-server', '--stdio' }, filetypes = { 'text', 'markdown', 'html' } }
local M = {}

local function root_dir(fname)
  local markers = { '.copydeskrc', '.copydeskrc.json', '.copydeskrc.yaml', '.copydeskrc.yml', '.git' }
  local dir = vim.fn.fnamemodify(fname, ':p:h')
  while dir and dir ~= '' do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then break end
    dir = parent
  end
  return vim.fn.fnamemodify(fname, ':p:h')
end

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'copydesk-language-server', '--stdio' }
  local filetypes = opts.filetypes or { 'text', 'markdown', 'html' }
  local clients = {}
  local function attach(args)
    local bufnr = args and args.buf or vim.api.nvim_get_current_buf()
    local name = vim.api.nvim_buf_get_name(bufnr)
    if name == '' then return end
    local root = root_dir(name)
    local id = clients[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client({
        name = 'copydesk',
        cmd = cmd,
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      })
      clients[root] = id
    end
    if id then vim.lsp.buf_attach_client(bufnr, id) end
  end
  vim.api.nvim_create_autocmd('FileType', { pattern = filetypes, callback = attach })
  return attach
end

_G.CopydeskSetup = M.setup
return M

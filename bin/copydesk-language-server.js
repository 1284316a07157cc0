#!/usr/bin/env node
// The copydesk language server (LSP over stdio by default).
import '../dist/src/language-server/main.js'

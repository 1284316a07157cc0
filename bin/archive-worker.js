// An archive worker thread (src/cli/archive/pool.ts starts it): its loop from the
// command's bundle with V8's code cache when the bundle is current, as the command
// itself starts (bundle-loader.js), else from the compiled modules.
import {bundleIsCurrent, loadBundle} from './bundle-loader.js'

if (bundleIsCurrent()) loadBundle().exports.serveArchiveTasks()
else await import('../dist/src/cli/archive/worker.js')

/**
 * A worker of the archive pool, from the compiled modules (see worker-loop.ts;
 * bin/archive-worker.js starts it from the bundle when the bundle is current).
 */
import {serveArchiveTasks} from './worker-loop.js'

serveArchiveTasks()

import path from 'node:path';
import { defineExecCases } from './exec-cases';
import { origin, TLS_LOG_DIR, TLS_PORTS } from './tls-support';

// Exec on the shipped console: the standalone bundle over HTTPS (playwright.tls.config.ts), as the image runs it.
defineExecCases(() => ({ base: origin(TLS_PORTS.a), logFile: path.join(TLS_LOG_DIR, `${TLS_PORTS.a}.log`) }));

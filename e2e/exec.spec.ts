import { BASE_URL } from '../playwright.config';
import { defineExecCases } from './exec-cases';
import { consoleLog } from './exec-support';

// Exec on the demo's server (server/https-server.mjs over plain HTTP on loopback, playwright.config.ts).
defineExecCases(() => ({ base: BASE_URL, logFile: consoleLog(Number(new URL(BASE_URL).port)) }));

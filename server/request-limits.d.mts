import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export function bodyCap(url: string | undefined): number;
export function limitRequestBody(req: IncomingMessage, res: ServerResponse): boolean;
export function applyServerLimits(server: Server): void;
export function isTrustedProxy(address: string): boolean;
export function fromTrustedProxy(req: IncomingMessage): boolean;

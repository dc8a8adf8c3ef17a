import net from 'node:net';

/** Resolves true when `port` can be bound on 127.0.0.1 right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host: '127.0.0.1', port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** An ephemeral port the kernel hands out on 127.0.0.1, not in `taken`. */
async function ephemeralPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    if (!taken.has(port)) return port;
  }
}

/** Hands out distinct free loopback ports; `preferred` is used when it is free. */
export class PortPicker {
  private taken = new Set<number>();

  async pick(preferred?: number): Promise<number> {
    const port = preferred && !this.taken.has(preferred) && (await isPortFree(preferred)) ? preferred : await ephemeralPort(this.taken);
    this.taken.add(port);
    return port;
  }
}

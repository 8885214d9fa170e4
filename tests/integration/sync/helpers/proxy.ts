/**
 * A TCP load balancer in front of server processes, as a deployment would have: new connections go
 * to the current target; when that process dies its connections drop, and clients that reconnect
 * reach the next target.
 */
import net from 'node:net';

export class TcpProxy {
  private target: number;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(target: number) {
    this.target = target;
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      this.sockets.add(client).add(upstream);
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  setTarget(port: number): void {
    this.target = port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** Pusher apps the server accepts: id, key (public, in the socket URL) and secret (signs auth). */
export interface PusherApp {
  id: string;
  key: string;
  secret: string;
  /** Whether clients may send `client-*` events on private and presence channels. */
  clientEvents: boolean;
  /** Seconds of silence after which the server checks the connection. */
  activityTimeout: number;
  /** Largest message a client may send, in bytes. */
  maxMessageBytes: number;
}

export class AppRegistry {
  private readonly byKey = new Map<string, PusherApp>();
  private readonly byId = new Map<string, PusherApp>();

  constructor(apps: PusherApp[]) {
    for (const app of apps) {
      this.byKey.set(app.key, app);
      this.byId.set(app.id, app);
    }
  }

  findByKey(key: string): PusherApp | undefined {
    return this.byKey.get(key);
  }

  findById(id: string): PusherApp | undefined {
    return this.byId.get(id);
  }

  all(): PusherApp[] {
    return [...this.byId.values()];
  }
}

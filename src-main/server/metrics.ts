/**
 * Prometheus metrics (`GET /metrics`, prom-client): connections, channels, messages in and out,
 * errors (slow readers dropped included), event streams, delivery latency (hub accept → fan-out on
 * this process) and HTTP request durations, plus
 * Node's process metrics. Hot-path counters are plain numbers read at scrape time, so counting a
 * message costs an increment, not a metrics-library call. One registry per server.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface LiveNumbers {
  connections(): Map<string, number>;
  channels(): Map<string, number>;
  messagesIn(): number;
  messagesOut(): number;
  errors(): Map<string, number>;
  connectionsTotal(): number;
  webhooks(): { sent: number; failed: number };
  /** Server-sent event streams open now on this process. */
  eventStreams(): number;
  clusterUp(): boolean;
}

export class ServerMetrics {
  readonly registry = new Registry();
  readonly deliveryLatency: Histogram;
  readonly httpDuration: Histogram<'route' | 'status'>;

  constructor(live: LiveNumbers, labels: Record<string, string> = {}) {
    this.registry.setDefaultLabels(labels);
    collectDefaultMetrics({ register: this.registry, prefix: 'inkproof_' });
    const r = [this.registry];
    new Gauge({
      name: 'inkproof_connections',
      help: 'Open WebSocket connections on this process, per app.',
      labelNames: ['app'],
      registers: r,
      collect() {
        this.reset();
        for (const [app, n] of live.connections()) this.set({ app }, n);
      },
    });
    new Counter({
      name: 'inkproof_connections_opened_total',
      help: 'WebSocket connections accepted since start.',
      registers: r,
      collect() {
        this.reset();
        this.inc(live.connectionsTotal());
      },
    });
    new Gauge({
      name: 'inkproof_channels',
      help: 'Channels with at least one subscriber on this process, per app.',
      labelNames: ['app'],
      registers: r,
      collect() {
        this.reset();
        for (const [app, n] of live.channels()) this.set({ app }, n);
      },
    });
    new Counter({
      name: 'inkproof_messages_in_total',
      help: 'WebSocket messages received from clients.',
      registers: r,
      collect() {
        this.reset();
        this.inc(live.messagesIn());
      },
    });
    new Counter({
      name: 'inkproof_messages_out_total',
      help: 'WebSocket messages sent to clients.',
      registers: r,
      collect() {
        this.reset();
        this.inc(live.messagesOut());
      },
    });
    new Counter({
      name: 'inkproof_errors_total',
      help: 'Errors answered to clients or met while serving them, by kind.',
      labelNames: ['kind'],
      registers: r,
      collect() {
        this.reset();
        for (const [kind, n] of live.errors()) this.inc({ kind }, n);
      },
    });
    new Gauge({
      name: 'inkproof_event_streams',
      help: 'Server-sent event streams (/api/events/stream) open on this process.',
      registers: r,
      collect() {
        this.set(live.eventStreams());
      },
    });
    new Counter({
      name: 'inkproof_webhooks_total',
      help: 'Webhook deliveries, by outcome.',
      labelNames: ['outcome'],
      registers: r,
      collect() {
        this.reset();
        const w = live.webhooks();
        this.inc({ outcome: 'sent' }, w.sent);
        this.inc({ outcome: 'failed' }, w.failed);
      },
    });
    new Gauge({
      name: 'inkproof_cluster_up',
      help: '1 when the shared state (Redis) is reachable, or when running as a single process.',
      registers: r,
      collect() {
        this.set(live.clusterUp() ? 1 : 0);
      },
    });
    this.deliveryLatency = new Histogram({
      name: 'inkproof_delivery_latency_seconds',
      help: 'Time from the hub accepting an event to its fan-out on this process.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: r,
    });
    this.httpDuration = new Histogram({
      name: 'inkproof_http_request_duration_seconds',
      help: 'HTTP request durations, by route and status.',
      labelNames: ['route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: r,
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

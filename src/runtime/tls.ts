// TLS as a message sequence over TCP, with real record sizes and no cryptography: the 1.2 full handshake
// (ClientHello … ServerHelloDone, ClientKeyExchange, ChangeCipherSpec, Finished both ways; seed steps 16–25)
// and the 1.3 one-round-trip handshake. Application messages then travel as records with their overhead.
import type { Channel, ChannelHandlers } from './channel.js';
import type { Message } from './message.js';

type Flight = [string, number][];

/** Record sizes in bytes (5-byte record header included): an RSA key exchange with a 2,048-bit key and a ~2.8 kB chain. */
const TLS12 = {
  client1: [['ClientHello', 517]] as Flight,
  server1: [['ServerHello', 93], ['Certificate', 2812], ['ServerHelloDone', 9]] as Flight,
  client2: [['ClientKeyExchange', 267], ['ChangeCipherSpec', 6], ['Finished (encrypted handshake message)', 45]] as Flight,
  server2: [['ChangeCipherSpec', 6], ['Finished (encrypted handshake message)', 45]] as Flight,
  /** AES-GCM: header 5, explicit nonce 8, tag 16. */
  overhead: 29,
};
const TLS13 = {
  client1: [['ClientHello (key_share)', 517]] as Flight,
  server1: [['ServerHello (key_share)', 127], ['EncryptedExtensions', 32], ['Certificate', 2830], ['CertificateVerify', 286], ['Finished', 74]] as Flight,
  client2: [['Finished', 74]] as Flight,
  server2: [] as Flight,
  /** Header 5, inner content type 1, tag 16. */
  overhead: 22,
};

const STEPS: Record<string, string> = {
  ClientHello: '16', ServerHello: '17', Certificate: '18', ServerHelloDone: '18', ClientKeyExchange: '20', ChangeCipherSpec: '22–24', Finished: '22–24',
};

interface TlsRecord {
  tls: string;
  version: '1.2' | '1.3';
  inner?: Message;
}

/** A ClientHello opens a TLS session; a server that sees one first answers in the version it offers. */
export function clientHelloVersion(m: Message): '1.2' | '1.3' | null {
  const r = m.data as Partial<TlsRecord> | null;
  return r && typeof r.tls === 'string' && r.tls.startsWith('ClientHello') ? r.version ?? null : null;
}

export class TlsChannel implements Channel {
  handlers: ChannelHandlers = {};
  readonly label: string;
  private ready = false;
  private readonly v;

  constructor(
    private readonly tcp: Channel,
    private readonly role: 'client' | 'server',
    readonly version: '1.2' | '1.3',
    private readonly log: (text: string, step?: string) => void,
  ) {
    this.label = tcp.label;
    this.v = version === '1.2' ? TLS12 : TLS13;
    tcp.handlers = {
      open: () => role === 'client' && this.flight(this.v.client1),
      message: (m) => this.receive(m),
      end: () => this.handlers.end?.(),
      closed: (r) => this.handlers.closed?.(r),
    };
  }

  send(m: Message): void {
    this.tcp.send({ label: `TLS application data (${m.label})`, size: m.size + this.v.overhead, data: { tls: 'application', version: this.version, inner: m } });
  }

  close(): void {
    this.tcp.close();
  }

  private flight(f: Flight): void {
    for (const [name, size] of f) {
      this.log(`TLS ${this.version} ${name} ${this.role === 'client' ? '→' : '←'} ${this.label}`, STEPS[name.split(' ')[0]]);
      this.tcp.send({ label: `TLS ${name}`, size, data: { tls: name, version: this.version } });
    }
  }

  /** A record from the peer (the server is handed the ClientHello that made it). */
  receive(m: Message): void {
    const r = m.data as TlsRecord;
    const name = r.tls;
    if (name === 'application') return this.handlers.message?.(r.inner!);
    const last = (f: Flight) => f.length > 0 && f[f.length - 1][0] === name;
    if (this.role === 'server' && last(this.v.client1)) this.flight(this.v.server1);
    else if (this.role === 'client' && last(this.v.server1)) {
      this.log(`TLS certificate of ${this.label.split(' → ')[1]} checked against the trusted CAs`, '19');
      this.flight(this.v.client2);
      // In 1.3 the client is done after its Finished; in 1.2 it waits for the server's Finished.
      if (this.v.server2.length === 0) this.open('21');
    } else if (this.role === 'server' && last(this.v.client2)) {
      this.flight(this.v.server2);
      this.open('21');
    } else if (this.role === 'client' && last(this.v.server2)) this.open('21');
  }

  private open(step: string): void {
    if (this.ready) return;
    this.ready = true;
    this.log(`TLS ${this.version} session keys derived; traffic is encrypted from here (${this.role})`, step === '21' ? '21, 25' : step);
    this.handlers.open?.();
  }
}

/**
 * A tiny MongoDB wire-protocol server for tests (no mongod can be installed here): enough of
 * OP_MSG and legacy OP_QUERY for the official driver to connect, list databases and collections,
 * count, find (skip/limit/batchSize/maxTimeMS), getMore, killCursors and aggregate with `$sample`,
 * over in-memory synthetic documents. Every command is recorded so that tests can assert that
 * pdscan only ever reads and always sends maxTimeMS.
 *
 * Special collections: `slowMs` makes a command fail with MaxTimeMSExpired when its maxTimeMS is
 * lower; `forbidden` fails with Unauthorized. `requireAuth` makes SCRAM fail like a bad password.
 */
import net from 'node:net';
import { BSON, Long, type Document } from 'bson';

export interface CollectionSpec {
  docs: Document[];
  view?: boolean;
  slowMs?: number;
  forbidden?: boolean;
}

export interface WireServerOptions {
  databases: Record<string, Record<string, CollectionSpec>>;
  requireAuth?: boolean;
}

export interface RecordedCommand {
  name: string;
  db: string;
  body: Document;
}

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

export class MongoWireServer {
  readonly commands: RecordedCommand[] = [];
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly cursors = new Map<string, { docs: Document[]; ns: string }>();
  private nextCursor = 1000;
  private nextRequest = 1;
  private connections = 0;
  port = 0;

  constructor(private readonly opts: WireServerOptions) {}

  async start(): Promise<number> {
    this.server = net.createServer((socket) => this.onSocket(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get url(): string {
    return `mongodb://127.0.0.1:${this.port}`;
  }

  private onSocket(socket: net.Socket): void {
    this.sockets.add(socket);
    const connectionId = ++this.connections;
    let pending = Buffer.alloc(0);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 16) {
        const len = pending.readInt32LE(0);
        if (pending.length < len) break;
        const msg = pending.subarray(0, len);
        pending = pending.subarray(len);
        try {
          this.onMessage(socket, msg, connectionId);
        } catch (err) {
          socket.destroy(err as Error);
          return;
        }
      }
    });
  }

  private onMessage(socket: net.Socket, msg: Buffer, connectionId: number): void {
    const requestId = msg.readInt32LE(4);
    const opCode = msg.readInt32LE(12);
    if (opCode === OP_MSG) {
      const flags = msg.readUInt32LE(16);
      let at = 20;
      const end = msg.length - (flags & 1 ? 4 : 0);
      let body: Document | undefined;
      const sequences: Record<string, Document[]> = {};
      while (at < end) {
        const kind = msg[at]!;
        at += 1;
        if (kind === 0) {
          const size = msg.readInt32LE(at);
          body = BSON.deserialize(msg.subarray(at, at + size));
          at += size;
        } else {
          const size = msg.readInt32LE(at);
          const sectionEnd = at + size;
          let p = at + 4;
          const zero = msg.indexOf(0, p);
          const id = msg.toString('utf8', p, zero);
          p = zero + 1;
          const docs: Document[] = [];
          while (p < sectionEnd) {
            const dsize = msg.readInt32LE(p);
            docs.push(BSON.deserialize(msg.subarray(p, p + dsize)));
            p += dsize;
          }
          sequences[id] = docs;
          at = sectionEnd;
        }
      }
      const reply = this.command({ ...body!, ...sequences }, connectionId);
      const doc = Buffer.from(BSON.serialize(reply));
      const header = Buffer.alloc(21);
      header.writeInt32LE(21 + doc.length, 0);
      header.writeInt32LE(this.nextRequest++, 4);
      header.writeInt32LE(requestId, 8);
      header.writeInt32LE(OP_MSG, 12);
      header.writeUInt32LE(0, 16);
      header[20] = 0;
      socket.write(Buffer.concat([header, doc]));
      return;
    }
    if (opCode === OP_QUERY) {
      let at = 20;
      const zero = msg.indexOf(0, at);
      const ns = msg.toString('utf8', at, zero);
      at = zero + 1 + 8;
      const size = msg.readInt32LE(at);
      const query = BSON.deserialize(msg.subarray(at, at + size));
      const db = ns.split('.')[0]!;
      const reply = this.command({ ...(query.$query ?? query), $db: db }, connectionId);
      const doc = Buffer.from(BSON.serialize(reply));
      const header = Buffer.alloc(36);
      header.writeInt32LE(36 + doc.length, 0);
      header.writeInt32LE(this.nextRequest++, 4);
      header.writeInt32LE(requestId, 8);
      header.writeInt32LE(OP_REPLY, 12);
      header.writeInt32LE(0, 16); // responseFlags
      header.writeBigInt64LE(0n, 20); // cursorID
      header.writeInt32LE(0, 28); // startingFrom
      header.writeInt32LE(1, 32); // numberReturned
      socket.write(Buffer.concat([header, doc]));
      return;
    }
    throw new Error(`unsupported opCode ${opCode}`);
  }

  private hello(connectionId: number): Document {
    return {
      helloOk: true,
      ismaster: true,
      isWritablePrimary: true,
      maxBsonObjectSize: 16 * 1024 * 1024,
      maxMessageSizeBytes: 48_000_000,
      maxWriteBatchSize: 100_000,
      localTime: new Date(),
      logicalSessionTimeoutMinutes: 30,
      connectionId,
      minWireVersion: 0,
      maxWireVersion: 21,
      readOnly: false,
      ok: 1,
    };
  }

  private error(code: number, codeName: string, errmsg: string): Document {
    return { ok: 0, code, codeName, errmsg };
  }

  private coll(db: string, name: string): CollectionSpec | undefined {
    return this.opts.databases[db]?.[name];
  }

  private gate(spec: CollectionSpec | undefined, body: Document, db: string, name: string): Document | undefined {
    if (!spec) return undefined;
    if (spec.forbidden) return this.error(13, 'Unauthorized', `not authorized on ${db} to execute command { find: "${name}" }`);
    const maxTime = typeof body.maxTimeMS === 'number' ? body.maxTimeMS : Number(body.maxTimeMS ?? 0);
    if (spec.slowMs && (!maxTime || maxTime < spec.slowMs)) return this.error(50, 'MaxTimeMSExpired', 'operation exceeded time limit');
    return undefined;
  }

  private cursorReply(docs: Document[], ns: string, batchSize: number, first: boolean): Document {
    const batch = docs.slice(0, batchSize);
    const rest = docs.slice(batchSize);
    let id = 0;
    if (rest.length) {
      id = this.nextCursor++;
      this.cursors.set(String(id), { docs: rest, ns });
    }
    return { cursor: { [first ? 'firstBatch' : 'nextBatch']: batch, id: Long.fromNumber(id), ns }, ok: 1 };
  }

  private command(body: Document, connectionId: number): Document {
    const name = Object.keys(body)[0]!;
    const db = String(body.$db ?? 'admin');
    this.commands.push({ name, db, body });
    const lower = name.toLowerCase();
    if (lower === 'hello' || lower === 'ismaster') return this.hello(connectionId);
    if (lower === 'buildinfo') return { version: '7.0.0', versionArray: [7, 0, 0, 0], maxBsonObjectSize: 16 * 1024 * 1024, ok: 1 };
    if (lower === 'ping') return { ok: 1 };
    if (lower === 'endsessions') return { ok: 1 };
    if (lower === 'saslstart' || lower === 'authenticate') {
      return this.error(18, 'AuthenticationFailed', 'Authentication failed.');
    }
    if (this.opts.requireAuth) return this.error(13, 'Unauthorized', 'command requires authentication');
    if (lower === 'listdatabases') {
      return {
        databases: Object.keys(this.opts.databases).map((n) => ({ name: n, sizeOnDisk: 1, empty: false })),
        totalSize: 1,
        ok: 1,
      };
    }
    if (lower === 'listcollections') {
      const colls = Object.entries(this.opts.databases[db] ?? {}).map(([n, spec]) => ({
        name: n,
        type: spec.view ? 'view' : 'collection',
        options: {},
        info: { readOnly: !!spec.view },
      }));
      return this.cursorReply(colls, `${db}.$cmd.listCollections`, 1000, true);
    }
    if (lower === 'count') {
      const spec = this.coll(db, String(body.count));
      const denied = this.gate(spec, body, db, String(body.count));
      if (denied) return denied;
      return { n: spec?.docs.length ?? 0, ok: 1 };
    }
    if (lower === 'find') {
      const collName = String(body.find);
      const spec = this.coll(db, collName);
      const denied = this.gate(spec, body, db, collName);
      if (denied) return denied;
      const skip = Number(body.skip ?? 0);
      const limit = Number(body.limit ?? 0);
      let docs = (spec?.docs ?? []).slice(skip);
      if (limit > 0) docs = docs.slice(0, limit);
      return this.cursorReply(docs, `${db}.${collName}`, Number(body.batchSize ?? 101), true);
    }
    if (lower === 'aggregate') {
      const collName = String(body.aggregate);
      const spec = this.coll(db, collName);
      const denied = this.gate(spec, body, db, collName);
      if (denied) return denied;
      let docs = [...(spec?.docs ?? [])];
      for (const stage of (body.pipeline ?? []) as Document[]) {
        const op = Object.keys(stage)[0];
        if (op === '$sample') {
          const size = Number((stage.$sample as Document).size);
          // Deterministic shuffle (Fisher-Yates with an LCG) so tests are repeatable.
          let seed = 12345;
          const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
          for (let i = docs.length - 1; i > 0; i--) {
            const j = Math.floor(rand() * (i + 1));
            [docs[i], docs[j]] = [docs[j]!, docs[i]!];
          }
          docs = docs.slice(0, size);
        } else if (op === '$limit') {
          docs = docs.slice(0, Number(stage.$limit));
        } else {
          return this.error(40324, 'Location40324', `Unrecognized pipeline stage name: '${op}'`);
        }
      }
      const batchSize = Number((body.cursor as Document | undefined)?.batchSize ?? 101);
      return this.cursorReply(docs, `${db}.${collName}`, batchSize, true);
    }
    if (lower === 'getmore') {
      const id = String(body.getMore);
      const c = this.cursors.get(id);
      if (!c) return this.error(43, 'CursorNotFound', `cursor id ${id} not found`);
      this.cursors.delete(id);
      return this.cursorReply(c.docs, c.ns, Number(body.batchSize ?? c.docs.length), false);
    }
    if (lower === 'killcursors') {
      const ids = ((body.cursors ?? []) as unknown[]).map(String);
      ids.forEach((i) => this.cursors.delete(i));
      return { cursorsKilled: ids, cursorsNotFound: [], cursorsAlive: [], cursorsUnknown: [], ok: 1 };
    }
    return this.error(59, 'CommandNotFound', `no such command: '${name}'`);
  }
}

// Raw HTTP/1.1 over node:net, for requests fetch() cannot send (no Host, CONNECT, absolute-form,
// bytes that are not UTF-8) and for reading the answer exactly as it left the mock.
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** Sends `bytes` and reads until the mock closes the connection or one full answer arrived. */
export function sendRaw(url: string, bytes: string | Buffer): Promise<RawAnswer> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const finish = () => {
      socket.destroy();
      resolve(parseAnswer(Buffer.concat(chunks)));
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (isComplete(Buffer.concat(chunks))) finish();
    });
    socket.on('end', finish);
    socket.on('error', reject);
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error(`no answer within 10 s; received ${JSON.stringify(Buffer.concat(chunks).toString('latin1').slice(0, 200))}`));
    });
  });
}

function splitHead(bytes: Buffer): { head: string; body: Buffer } | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  return end === -1 ? undefined : { head: bytes.subarray(0, end).toString('latin1'), body: bytes.subarray(end + 4) };
}

function isComplete(bytes: Buffer): boolean {
  const parts = splitHead(bytes);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(parts?.head ?? '')?.[1];
  return parts !== undefined && length !== undefined && parts.body.length >= Number(length);
}

function parseAnswer(bytes: Buffer): RawAnswer {
  const parts = splitHead(bytes);
  if (!parts) throw new Error(`no complete HTTP answer: ${JSON.stringify(bytes.toString('latin1').slice(0, 200))}`);
  const [statusLine = '', ...lines] = parts.head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: parts.body.toString('utf8') };
}

/** The port the docs take unless told otherwise. */
export declare const DEFAULT_PORT: number;

/** The folder the build writes: packages/docs/dist. */
export declare const defaultRoot: string;

export interface DocsServerOptions {
  /**
   * Address to bind; 127.0.0.1 by default. The server answers only a Host that names it: this
   * address, 127.0.0.1, localhost or [::1], with the port; anything else gets 421.
   */
  host?: string;
  /** Port to bind; DEFAULT_PORT by default, 0 for any free port. */
  port?: number;
  /** The built docs folder; packages/docs/dist by default. */
  root?: string;
  /**
   * The mocks the console page calls, by API name (`{ 'aws-lambda': 'http://127.0.0.1:4010' }`):
   * requests under `/mock/<api>/` from the docs' own pages (or from no page) are forwarded to
   * them, but for the mock's control API, and `GET /mock/` lists them.
   * Each must be `http://127.0.0.1:<port>`; none by default, and then nothing is forwarded.
   */
  mocks?: Record<string, string>;
}

export interface DocsServer {
  /** The portal's address, e.g. `http://127.0.0.1:4000/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves the built docs folder; rejects when the folder holds no build or the port is taken. */
export declare function startDocsServer(options?: DocsServerOptions): Promise<DocsServer>;

/**
 * curl (7.88.1) from a lab host, for http:// URLs: connects like nc does,
 * sends the request curl sends, prints the body (or headers with -i/-I), and
 * curl's errors: `curl: (7) Failed to connect to H port P after N ms:
 * Couldn't connect to server`, `(28) … Timeout was reached` (--connect-timeout),
 * `(28) Connection timed out after N milliseconds` (-m), `(6) Could not resolve
 * host`, `(52) Empty reply from server`. Standard output is taken to be a
 * terminal, so no progress meter is drawn. Elapsed times are virtual.
 */
import type { LabHost } from "../lab.js";
import { ephemeralPort, TcpClient } from "../sockets.js";
import { concat, dec, enc, lookupHost, type ToolResult } from "./common.js";

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

export interface CurlIO {
  writeFile(path: string, data: string): void;
}

interface Url {
  host: string;
  port: number;
  path: string;
  hostHeader: string;
}

function parseUrl(u: string): Url | { code: number; msg: string } {
  let rest = u;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(u);
  if (m) {
    const scheme = m[1]!.toLowerCase();
    if (scheme !== "http") return { code: 1, msg: `Protocol "${m[1]}" not supported or disabled in libcurl` };
    rest = u.slice(m[0].length);
  }
  const slash = rest.search(/[/?#]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? "/" : rest.slice(slash);
  if (path.startsWith("?")) path = `/${path}`;
  const hash = path.indexOf("#");
  if (hash >= 0) path = path.slice(0, hash);
  const at = authority.lastIndexOf("@");
  const hp = at >= 0 ? authority.slice(at + 1) : authority;
  const colon = hp.lastIndexOf(":");
  let host = hp;
  let port = 80;
  if (colon >= 0) {
    host = hp.slice(0, colon);
    const pt = hp.slice(colon + 1);
    if (pt !== "") {
      if (!/^\d+$/.test(pt) || Number(pt) > 65535)
        return { code: 3, msg: "URL using bad/illegal format or missing URL" };
      port = Number(pt);
    }
  }
  if (host === "") return { code: 3, msg: "URL using bad/illegal format or missing URL" };
  return { host, port, path, hostHeader: port === 80 ? host : `${host}:${port}` };
}

const SUPPORTED_LONG = new Set([
  "--silent",
  "--show-error",
  "--include",
  "--head",
  "--output",
  "--max-time",
  "--connect-timeout",
  "--fail",
  "--request",
  "--header",
  "--user-agent",
]);

export function runCurl(lh: LabHost, argv: readonly string[], io?: CurlIO): ToolResult {
  let silent = false;
  let showError = false;
  let include = false;
  let head = false;
  let fail = false;
  let output: string | undefined;
  let maxTime: number | undefined;
  let connectTimeout: number | undefined;
  let method: string | undefined;
  let agent = "curl/7.88.1";
  const headers: string[] = [];
  const urls: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    const val = (): string | undefined => argv[++i];
    if (a.startsWith("--")) {
      let inline: string | undefined;
      const eq = a.indexOf("=");
      if (eq > 0) {
        inline = a.slice(eq + 1);
        a = a.slice(0, eq);
      }
      if (!SUPPORTED_LONG.has(a)) {
        return { stdout: "", stderr: `curl: option ${a}: is unknown\n${TRY}`, status: 2 };
      }
      const v = (): string | undefined => inline ?? val();
      switch (a) {
        case "--silent":
          silent = true;
          break;
        case "--show-error":
          showError = true;
          break;
        case "--include":
          include = true;
          break;
        case "--head":
          head = true;
          break;
        case "--fail":
          fail = true;
          break;
        case "--output":
          output = v();
          break;
        case "--max-time":
          maxTime = Number(v());
          break;
        case "--connect-timeout":
          connectTimeout = Number(v());
          break;
        case "--request":
          method = v();
          break;
        case "--header": {
          const h = v();
          if (h !== undefined) headers.push(h);
          break;
        }
        case "--user-agent":
          agent = v() ?? agent;
          break;
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        const takeVal = (): string | undefined => (k + 1 < a.length ? a.slice(k + 1) : val());
        if (c === "s") silent = true;
        else if (c === "S") showError = true;
        else if (c === "i") include = true;
        else if (c === "I") head = true;
        else if (c === "f") fail = true;
        else if ("omXHA".includes(c)) {
          const v = takeVal();
          if (v === undefined)
            return { stdout: "", stderr: `curl: option -${c}: requires parameter\n${TRY}`, status: 2 };
          if (c === "o") output = v;
          else if (c === "m") maxTime = Number(v);
          else if (c === "X") method = v;
          else if (c === "H") headers.push(v);
          else agent = v;
          break;
        } else return { stdout: "", stderr: `iptwin: curl: option -${c} is not supported by the twin\n`, status: 2 };
      }
      continue;
    }
    urls.push(a);
  }
  if (urls.length === 0) return { stdout: "", stderr: `curl: no URL specified!\n${TRY}`, status: 2 };
  if (urls.length > 1) return { stdout: "", stderr: "iptwin: curl: one URL at a time in the twin\n", status: 2 };
  const err = (code: number, msg: string): ToolResult => ({
    stdout: "",
    stderr: !silent || showError ? `curl: (${code}) ${msg}\n` : "",
    status: code,
  });
  const url = parseUrl(urls[0]!);
  if ("code" in url) return err(url.code, url.msg);
  const lk = lookupHost(lh, url.host);
  if ("error" in lk) return err(6, `Could not resolve host: ${url.host}`);
  const lab = lh.lab;
  const net = lh.host.net;
  const start = lab.nowNs;
  const elapsedMs = () => Math.floor((lab.nowNs - start) / 1e6);
  const route = net.routeOutput({ dst: lk.addr });
  if ("errno" in route)
    return err(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
  const c = new TcpClient(lh, lk.addr, url.port, route.src >>> 0, ephemeralPort(lh, new Set()));
  c.connect();
  const maxAt = maxTime !== undefined ? start + maxTime * 1e9 : Number.POSITIVE_INFINITY;
  const connAt = connectTimeout !== undefined ? start + connectTimeout * 1e9 : Number.POSITIVE_INFINITY;
  lab.run(Math.min(maxAt, connAt), () => c.state !== "SYN-SENT");
  const finish = (r: ToolResult): ToolResult => {
    if (c.state === "ESTAB" || c.state === "CLOSE-WAIT") c.close();
    lab.run(lab.nowNs + 1_000_000);
    c.release();
    lab.drain();
    return r;
  };
  if (c.state === "SYN-SENT") {
    c.release();
    lab.drain();
    if (connAt <= maxAt)
      return err(28, `Failed to connect to ${url.host} port ${url.port} after ${elapsedMs()} ms: Timeout was reached`);
    return err(28, `Connection timed out after ${elapsedMs()} milliseconds`);
  }
  if (c.error) {
    lab.drain();
    const code = c.error === "ETIMEDOUT" ? 28 : 7;
    return err(
      code,
      `Failed to connect to ${url.host} port ${url.port} after ${elapsedMs()} ms: Couldn't connect to server`,
    );
  }
  const m = method ?? (head ? "HEAD" : "GET");
  let req = `${m} ${url.path} HTTP/1.1\r\nHost: ${url.hostHeader}\r\nUser-Agent: ${agent}\r\nAccept: */*\r\n`;
  for (const h of headers) req += `${h}\r\n`;
  req += "\r\n";
  lab.run(lab.nowNs + 1_000_000);
  c.write(enc.encode(req));
  lab.run(maxAt, () => c.peerClosed || c.state === "CLOSED");
  const data = dec.decode(concat(c.received));
  if (!c.peerClosed && c.state !== "CLOSED") {
    if (maxTime !== undefined)
      return finish(
        err(28, `Operation timed out after ${elapsedMs()} milliseconds with ${data.length} bytes received`),
      );
    return finish({
      stdout: "",
      stderr: "iptwin: curl: the server accepted the connection but never answered (a real curl would wait forever)\n",
      status: 28,
    });
  }
  if (c.error === "ECONNRESET" && data.length === 0) return finish(err(56, "Recv failure: Connection reset by peer"));
  if (data.length === 0) return finish(err(52, "Empty reply from server"));
  const split = data.indexOf("\r\n\r\n");
  const headText = split >= 0 ? data.slice(0, split + 4) : data;
  const body = split >= 0 ? data.slice(split + 4) : "";
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(headText);
  if (fail && status && Number(status[1]) >= 400)
    return finish(err(22, `The requested URL returned error: ${status[1]}`));
  const shown = head ? headText : include ? headText + body : body;
  if (output !== undefined && output !== "-") {
    io?.writeFile(output, shown);
    return finish({ stdout: "", stderr: "", status: 0 });
  }
  return finish({ stdout: shown, stderr: "", status: 0 });
}

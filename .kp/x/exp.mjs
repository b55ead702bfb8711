var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// .kp-exp.ts
import { readFileSync } from "node:fs";

// test/support/kernel-host.ts
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

// src/core/errors.ts
var XtablesError = class extends Error {
  status;
  frame;
  /** Extra stderr text printed before the framed message (e.g. `Bad argument `x'`). */
  preamble;
  /** Warnings the command printed before failing (set by the parser). */
  warnings = "";
  /** What the command printed to stdout before failing (`-vv` cache dumps). */
  stdout = "";
  constructor(status, message, frame = "param", preamble = "") {
    super(message);
    this.status = status;
    this.frame = frame;
    this.preamble = preamble;
  }
};
function paramError(message) {
  return new XtablesError(2 /* Parameter */, message, "param");
}
function otherError(message) {
  return new XtablesError(1 /* Other */, message, "plain");
}
function versionError(message) {
  return new XtablesError(3 /* Version */, message, "version");
}
function rawError(status, text) {
  return new XtablesError(status, text, "raw");
}
function formatXtablesError(err, program, version, line = -1) {
  if (err.frame === "raw") return err.preamble + err.message;
  if (err.frame === "tryhelp") {
    let out2 = err.preamble;
    if (line !== -1) out2 += `Error occurred at line: ${line}
`;
    return `${out2}Try \`${program} -h' or '${program} --help' for more information.
`;
  }
  let out = `${err.preamble}${program} v${version}: ${err.message}
`;
  if (err.frame === "param") {
    if (line !== -1) out += `Error occurred at line: ${line}
`;
    out += `Try \`${program} -h' or '${program} --help' for more information.
`;
  } else if (err.frame === "version") {
    out += `Perhaps ${program} or your kernel needs to be upgraded.
`;
  }
  return out;
}
function tryHelpError(status, preamble) {
  return new XtablesError(status, "", "tryhelp", preamble);
}

// src/core/cnum.ts
var UINT64_MAX = 0xffffffffffffffffn;
function isCSpace(c) {
  return c === 32 || c >= 9 && c <= 13;
}
function digitValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}
function cStrtoumax(s, start = 0, base = 0) {
  let i = start;
  const n = s.length;
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  let negative = false;
  if (i < n && (s[i] === "+" || s[i] === "-")) {
    negative = s[i] === "-";
    i++;
  }
  let b = base;
  if ((b === 0 || b === 16) && s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X") && digitValue(s.charCodeAt(i + 2)) < 16) {
    i += 2;
    b = 16;
  } else if (b === 0) {
    b = s[i] === "0" ? 8 : 10;
  }
  const digitsStart = i;
  let v = 0n;
  let small = 0;
  let useBig = false;
  let overflow = false;
  const bb = BigInt(b);
  while (i < n) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= b) break;
    if (!useBig && small < 2 ** 48) {
      small = small * b + d;
    } else {
      if (!useBig) {
        useBig = true;
        v = BigInt(small);
      }
      v = v * bb + BigInt(d);
      if (v > UINT64_MAX) overflow = true;
    }
    i++;
  }
  if (i === digitsStart) return { big: 0n, end: start, negative: false, overflow: false };
  let big = useBig ? v : BigInt(small);
  if (overflow) big = UINT64_MAX;
  else if (negative) big = UINT64_MAX + 1n - big & UINT64_MAX;
  return { big, end: i, negative, overflow };
}
function xtStrtoul(s, min, max) {
  const n = s.length;
  if (n > 0 && n < 11 && typeof min === "number" && typeof max === "number") {
    let v = 0;
    let i = 0;
    const c0 = s.charCodeAt(0);
    if (c0 >= 49 && c0 <= 57 && n < 10) {
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
      }
      return new FastStrtoul(v >= min && (max === 0 || v <= max), v, i);
    }
    if (c0 === 48 && n === 1) return new FastStrtoul(0 >= min && (max === 0 || 0 <= max), 0, 1);
    if (c0 === 48 && n > 2 && (s[1] === "x" || s[1] === "X")) {
      i = 2;
      for (; i < n; i++) {
        const d = hexDigit(s.charCodeAt(i));
        if (d < 0) break;
        v = v * 16 + d;
      }
      if (i > 2) return new FastStrtoul(v >= min && (max === 0 || v <= max), v, i);
    }
  }
  let p = 0;
  while (p < s.length && isCSpace(s.charCodeAt(p))) p++;
  if (s[p] === "-") return { ok: false, value: 0, big: 0n, end: 0 };
  const r = cStrtoumax(s, 0, 0);
  if (r.end === 0) return { ok: false, value: 0, big: 0n, end: 0 };
  const bmin = BigInt(min);
  const bmax = BigInt(max);
  const inRange2 = !r.overflow && r.big >= bmin && (bmax === 0n || r.big <= bmax);
  return { ok: inRange2, value: Number(r.big), big: r.big, end: r.end };
}
function hexDigit(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
var FastStrtoul = class {
  constructor(ok, value, end) {
    this.ok = ok;
    this.value = value;
    this.end = end;
  }
  ok;
  value;
  end;
  get big() {
    return BigInt(this.value);
  }
};
function xtStrtouiWhole(s, min, max) {
  const r = xtStrtoul(s, min, max);
  if (!r.ok || r.end !== s.length) return void 0;
  return r.value;
}
function scanUnsigned(s) {
  const r = cStrtoumax(s, 0, 10);
  if (r.end === 0) return void 0;
  return r.big;
}
function scanInt(s) {
  const r = cStrtoumax(s, 0, 0);
  if (r.end === 0) return void 0;
  const v = r.big & 0xffffffffn;
  return Number(BigInt.asIntN(32, v));
}
function cStrtodWhole(s) {
  const m = /^[ \t\n\v\f\r]*([+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan))$/i.exec(s);
  if (!m) {
    const hex7 = /^[ \t\n\v\f\r]*([+-]?)0[xX](?=\.?[0-9a-fA-F])([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(s);
    if (!hex7) return Number.NaN;
    const frac = hex7[3] ?? "";
    let v = 0;
    for (const c of hex7[2] + frac) v = v * 16 + Number.parseInt(c, 16);
    v = v / 16 ** frac.length * 2 ** Number(hex7[4] ?? 0);
    return (hex7[1] === "-" ? -1 : 1) * v;
  }
  const t = m[1].toLowerCase();
  if (t.endsWith("inf") || t.endsWith("infinity")) return t.startsWith("-") ? -Infinity : Infinity;
  return Number(m[1]);
}

// src/core/ipv4.ts
function formatIPv4(a) {
  return `${a >>> 24}.${a >>> 16 & 255}.${a >>> 8 & 255}.${a & 255}`;
}
function maskToCidr(mask) {
  const m = mask >>> 0;
  if (m === 0) return 0;
  const inv2 = ~m >>> 0;
  if ((inv2 & inv2 + 1) !== 0) return -1;
  return Math.clz32(inv2);
}
function cidrToMask(bits) {
  return bits === 0 ? 0 : 4294967295 << 32 - bits >>> 0;
}
function numericToIPv4(dotted, isMask = false) {
  const buf = dotted.length > 19 ? dotted.slice(0, 19) : dotted;
  const bytes = [0, 0, 0, 0];
  let p = 0;
  for (let i = 0; i < 3; i++) {
    const q = buf.indexOf(".", p);
    if (q < 0) {
      if (isMask) return void 0;
      const v2 = xtStrtouiWhole(buf.slice(p), 0, 255);
      if (v2 === void 0) return void 0;
      bytes[i] = v2;
      return (bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]) >>> 0;
    }
    const v = xtStrtouiWhole(buf.slice(p, q), 0, 255);
    if (v === void 0) return void 0;
    bytes[i] = v;
    p = q + 1;
  }
  const last = xtStrtouiWhole(buf.slice(p), 0, 255);
  if (last === void 0) return void 0;
  bytes[3] = last;
  return (bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]) >>> 0;
}
function inetAton(s) {
  if (s.length === 0) return void 0;
  const parts = [];
  let i = 0;
  for (; ; ) {
    const c2 = s.charCodeAt(i);
    if (!(c2 >= 48 && c2 <= 57)) return void 0;
    const r = cStrtoumax(s, i, 0);
    if (r.end === i || r.overflow || r.big > 0xffffffffn) return void 0;
    parts.push(Number(r.big));
    i = r.end;
    if (i === s.length) break;
    if (s[i] !== "." || parts.length === 4) return void 0;
    i++;
  }
  const [a, b, c, d] = parts;
  switch (parts.length) {
    case 1:
      return a >>> 0;
    case 2:
      if (a > 255 || b > 16777215) return void 0;
      return (a << 24 | b) >>> 0;
    case 3:
      if (a > 255 || b > 255 || c > 65535) return void 0;
      return (a << 24 | b << 16 | c) >>> 0;
    default:
      if (a > 255 || b > 255 || c > 255 || d > 255) return void 0;
      return (a << 24 | b << 16 | c << 8 | d) >>> 0;
  }
}
function parseHostNetwork(name, db) {
  const n = numericToIPv4(name);
  if (n !== void 0) return [n];
  const net = db.networkByName(name);
  if (net !== void 0) return [net];
  const aton = inetAton(name);
  if (aton !== void 0) return [aton];
  const hosts = db.lookupHost(name);
  if (hosts.length > 0) return hosts;
  throw paramError(`host/network \`${name}' not found`);
}
function parseIPMask(mask) {
  if (mask === void 0) return 4294967295;
  const dotted = numericToIPv4(mask, true);
  if (dotted !== void 0) return dotted;
  const bits = xtStrtouiWhole(mask, 0, 32);
  if (bits === void 0) throw paramError(`invalid mask \`${mask}' specified`);
  return cidrToMask(bits);
}
function isCSpace2(c) {
  return c === " " || c === "	" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}
function ipParseMultiple(spec, db) {
  const out = [];
  let loop = 0;
  for (; ; ) {
    while (isCSpace2(spec[loop])) loop++;
    const next = spec.indexOf(",", loop);
    let buf = next >= 0 ? spec.slice(loop, next) : spec.slice(loop);
    if (buf.length > 255) throw paramError("Hostname too long");
    const slash = buf.lastIndexOf("/");
    let mask;
    if (slash >= 0) {
      mask = parseIPMask(buf.slice(slash + 1));
      buf = buf.slice(0, slash);
    } else {
      mask = 4294967295;
    }
    if (mask === 0) buf = "0.0.0.0";
    for (const a of parseHostNetwork(buf, db)) out.push({ addr: (a & mask) >>> 0, mask });
    if (next < 0) break;
    loop = next + 1;
  }
  return out;
}
function maskSuffix(mask) {
  const c = maskToCidr(mask);
  if (c === -1) return `/${formatIPv4(mask)}`;
  if (c === 32) return "";
  return `/${c}`;
}
function addrToAnyName(addr2, db) {
  return db.reverseHost(addr2) ?? db.networkByAddr(addr2) ?? formatIPv4(addr2);
}
function addrMaskToListString(addr2, mask, numeric, db) {
  if (mask === 0 && !numeric) return "anywhere";
  return (numeric ? formatIPv4(addr2) : addrToAnyName(addr2, db)) + maskSuffix(mask);
}
function maskToSaveString(mask) {
  if (mask >>> 0 === 4294967295) return "32";
  const c = maskToCidr(mask);
  return c >= 0 ? String(c) : formatIPv4(mask);
}

// src/core/netdb-data.ts
var SERVICES = [["tcpmux", 1, "tcp", []], ["echo", 7, "tcp", []], ["echo", 7, "udp", []], ["discard", 9, "tcp", ["sink", "null"]], ["discard", 9, "udp", ["sink", "null"]], ["systat", 11, "tcp", ["users"]], ["daytime", 13, "tcp", []], ["daytime", 13, "udp", []], ["netstat", 15, "tcp", []], ["qotd", 17, "tcp", ["quote"]], ["chargen", 19, "tcp", ["ttytst", "source"]], ["chargen", 19, "udp", ["ttytst", "source"]], ["ftp-data", 20, "tcp", []], ["ftp", 21, "tcp", []], ["fsp", 21, "udp", ["fspd"]], ["ssh", 22, "tcp", []], ["telnet", 23, "tcp", []], ["smtp", 25, "tcp", ["mail"]], ["time", 37, "tcp", ["timserver"]], ["time", 37, "udp", ["timserver"]], ["whois", 43, "tcp", ["nicname"]], ["tacacs", 49, "tcp", []], ["tacacs", 49, "udp", []], ["domain", 53, "tcp", []], ["domain", 53, "udp", []], ["bootps", 67, "udp", []], ["bootpc", 68, "udp", []], ["tftp", 69, "udp", []], ["gopher", 70, "tcp", []], ["finger", 79, "tcp", []], ["http", 80, "tcp", ["www"]], ["kerberos", 88, "tcp", ["kerberos5", "krb5", "kerberos-sec"]], ["kerberos", 88, "udp", ["kerberos5", "krb5", "kerberos-sec"]], ["iso-tsap", 102, "tcp", ["tsap"]], ["acr-nema", 104, "tcp", ["dicom"]], ["pop3", 110, "tcp", ["pop-3"]], ["sunrpc", 111, "tcp", ["portmapper"]], ["sunrpc", 111, "udp", ["portmapper"]], ["auth", 113, "tcp", ["authentication", "tap", "ident"]], ["nntp", 119, "tcp", ["readnews", "untp"]], ["ntp", 123, "udp", []], ["epmap", 135, "tcp", ["loc-srv"]], ["netbios-ns", 137, "udp", []], ["netbios-dgm", 138, "udp", []], ["netbios-ssn", 139, "tcp", []], ["imap2", 143, "tcp", ["imap"]], ["snmp", 161, "tcp", []], ["snmp", 161, "udp", []], ["snmp-trap", 162, "tcp", ["snmptrap"]], ["snmp-trap", 162, "udp", ["snmptrap"]], ["cmip-man", 163, "tcp", []], ["cmip-man", 163, "udp", []], ["cmip-agent", 164, "tcp", []], ["cmip-agent", 164, "udp", []], ["mailq", 174, "tcp", []], ["xdmcp", 177, "udp", []], ["bgp", 179, "tcp", []], ["smux", 199, "tcp", []], ["qmtp", 209, "tcp", []], ["z3950", 210, "tcp", ["wais"]], ["ipx", 213, "udp", []], ["ptp-event", 319, "udp", []], ["ptp-general", 320, "udp", []], ["pawserv", 345, "tcp", []], ["zserv", 346, "tcp", []], ["rpc2portmap", 369, "tcp", []], ["rpc2portmap", 369, "udp", []], ["codaauth2", 370, "tcp", []], ["codaauth2", 370, "udp", []], ["clearcase", 371, "udp", ["Clearcase"]], ["ldap", 389, "tcp", []], ["ldap", 389, "udp", []], ["svrloc", 427, "tcp", []], ["svrloc", 427, "udp", []], ["https", 443, "tcp", []], ["https", 443, "udp", []], ["snpp", 444, "tcp", []], ["microsoft-ds", 445, "tcp", []], ["kpasswd", 464, "tcp", []], ["kpasswd", 464, "udp", []], ["submissions", 465, "tcp", ["ssmtp", "smtps", "urd"]], ["saft", 487, "tcp", []], ["isakmp", 500, "udp", []], ["rtsp", 554, "tcp", []], ["rtsp", 554, "udp", []], ["nqs", 607, "tcp", []], ["asf-rmcp", 623, "udp", []], ["qmqp", 628, "tcp", []], ["ipp", 631, "tcp", []], ["ldp", 646, "tcp", []], ["ldp", 646, "udp", []], ["exec", 512, "tcp", []], ["biff", 512, "udp", ["comsat"]], ["login", 513, "tcp", []], ["who", 513, "udp", ["whod"]], ["shell", 514, "tcp", ["cmd", "syslog"]], ["syslog", 514, "udp", []], ["printer", 515, "tcp", ["spooler"]], ["talk", 517, "udp", []], ["ntalk", 518, "udp", []], ["route", 520, "udp", ["router", "routed"]], ["gdomap", 538, "tcp", []], ["gdomap", 538, "udp", []], ["uucp", 540, "tcp", ["uucpd"]], ["klogin", 543, "tcp", []], ["kshell", 544, "tcp", ["krcmd"]], ["dhcpv6-client", 546, "udp", []], ["dhcpv6-server", 547, "udp", []], ["afpovertcp", 548, "tcp", []], ["nntps", 563, "tcp", ["snntp"]], ["submission", 587, "tcp", []], ["ldaps", 636, "tcp", []], ["ldaps", 636, "udp", []], ["tinc", 655, "tcp", []], ["tinc", 655, "udp", []], ["silc", 706, "tcp", []], ["kerberos-adm", 749, "tcp", []], ["domain-s", 853, "tcp", []], ["domain-s", 853, "udp", []], ["rsync", 873, "tcp", []], ["ftps-data", 989, "tcp", []], ["ftps", 990, "tcp", []], ["telnets", 992, "tcp", []], ["imaps", 993, "tcp", []], ["pop3s", 995, "tcp", []], ["socks", 1080, "tcp", []], ["proofd", 1093, "tcp", []], ["rootd", 1094, "tcp", []], ["openvpn", 1194, "tcp", []], ["openvpn", 1194, "udp", []], ["rmiregistry", 1099, "tcp", []], ["lotusnote", 1352, "tcp", ["lotusnotes"]], ["ms-sql-s", 1433, "tcp", []], ["ms-sql-m", 1434, "udp", []], ["ingreslock", 1524, "tcp", []], ["datametrics", 1645, "tcp", ["old-radius"]], ["datametrics", 1645, "udp", ["old-radius"]], ["sa-msg-port", 1646, "tcp", ["old-radacct"]], ["sa-msg-port", 1646, "udp", ["old-radacct"]], ["kermit", 1649, "tcp", []], ["groupwise", 1677, "tcp", []], ["l2f", 1701, "udp", ["l2tp"]], ["radius", 1812, "tcp", []], ["radius", 1812, "udp", []], ["radius-acct", 1813, "tcp", ["radacct"]], ["radius-acct", 1813, "udp", ["radacct"]], ["cisco-sccp", 2e3, "tcp", []], ["nfs", 2049, "tcp", []], ["nfs", 2049, "udp", []], ["gnunet", 2086, "tcp", []], ["gnunet", 2086, "udp", []], ["rtcm-sc104", 2101, "tcp", []], ["rtcm-sc104", 2101, "udp", []], ["gsigatekeeper", 2119, "tcp", []], ["gris", 2135, "tcp", []], ["cvspserver", 2401, "tcp", []], ["venus", 2430, "tcp", []], ["venus", 2430, "udp", []], ["venus-se", 2431, "tcp", []], ["venus-se", 2431, "udp", []], ["codasrv", 2432, "tcp", []], ["codasrv", 2432, "udp", []], ["codasrv-se", 2433, "tcp", []], ["codasrv-se", 2433, "udp", []], ["mon", 2583, "tcp", []], ["mon", 2583, "udp", []], ["dict", 2628, "tcp", []], ["f5-globalsite", 2792, "tcp", []], ["gsiftp", 2811, "tcp", []], ["gpsd", 2947, "tcp", []], ["gds-db", 3050, "tcp", ["gds_db"]], ["icpv2", 3130, "udp", ["icp"]], ["isns", 3205, "tcp", []], ["isns", 3205, "udp", []], ["iscsi-target", 3260, "tcp", []], ["mysql", 3306, "tcp", []], ["ms-wbt-server", 3389, "tcp", []], ["nut", 3493, "tcp", []], ["nut", 3493, "udp", []], ["distcc", 3632, "tcp", []], ["daap", 3689, "tcp", []], ["svn", 3690, "tcp", ["subversion"]], ["suucp", 4031, "tcp", []], ["sysrqd", 4094, "tcp", []], ["sieve", 4190, "tcp", []], ["epmd", 4369, "tcp", []], ["remctl", 4373, "tcp", []], ["f5-iquery", 4353, "tcp", []], ["ntske", 4460, "tcp", []], ["ipsec-nat-t", 4500, "udp", []], ["iax", 4569, "udp", []], ["mtn", 4691, "tcp", []], ["radmin-port", 4899, "tcp", []], ["sip", 5060, "tcp", []], ["sip", 5060, "udp", []], ["sip-tls", 5061, "tcp", []], ["sip-tls", 5061, "udp", []], ["xmpp-client", 5222, "tcp", ["jabber-client"]], ["xmpp-server", 5269, "tcp", ["jabber-server"]], ["cfengine", 5308, "tcp", []], ["mdns", 5353, "udp", []], ["postgresql", 5432, "tcp", ["postgres"]], ["freeciv", 5556, "tcp", ["rptp"]], ["amqps", 5671, "tcp", []], ["amqp", 5672, "tcp", []], ["amqp", 5672, "sctp", []], ["x11", 6e3, "tcp", ["x11-0"]], ["x11-1", 6001, "tcp", []], ["x11-2", 6002, "tcp", []], ["x11-3", 6003, "tcp", []], ["x11-4", 6004, "tcp", []], ["x11-5", 6005, "tcp", []], ["x11-6", 6006, "tcp", []], ["x11-7", 6007, "tcp", []], ["gnutella-svc", 6346, "tcp", []], ["gnutella-svc", 6346, "udp", []], ["gnutella-rtr", 6347, "tcp", []], ["gnutella-rtr", 6347, "udp", []], ["redis", 6379, "tcp", []], ["sge-qmaster", 6444, "tcp", ["sge_qmaster"]], ["sge-execd", 6445, "tcp", ["sge_execd"]], ["mysql-proxy", 6446, "tcp", []], ["babel", 6696, "udp", []], ["ircs-u", 6697, "tcp", []], ["bbs", 7e3, "tcp", []], ["afs3-fileserver", 7e3, "udp", []], ["afs3-callback", 7001, "udp", []], ["afs3-prserver", 7002, "udp", []], ["afs3-vlserver", 7003, "udp", []], ["afs3-kaserver", 7004, "udp", []], ["afs3-volser", 7005, "udp", []], ["afs3-bos", 7007, "udp", []], ["afs3-update", 7008, "udp", []], ["afs3-rmtsys", 7009, "udp", []], ["font-service", 7100, "tcp", ["xfs"]], ["http-alt", 8080, "tcp", ["webcache"]], ["puppet", 8140, "tcp", []], ["bacula-dir", 9101, "tcp", []], ["bacula-fd", 9102, "tcp", []], ["bacula-sd", 9103, "tcp", []], ["xmms2", 9667, "tcp", []], ["nbd", 10809, "tcp", []], ["zabbix-agent", 10050, "tcp", []], ["zabbix-trapper", 10051, "tcp", []], ["amanda", 10080, "tcp", []], ["dicom", 11112, "tcp", []], ["hkp", 11371, "tcp", []], ["db-lsp", 17500, "tcp", []], ["dcap", 22125, "tcp", []], ["gsidcap", 22128, "tcp", []], ["wnn6", 22273, "tcp", []], ["rtmp", 1, "ddp", []], ["nbp", 2, "ddp", []], ["echo", 4, "ddp", []], ["zip", 6, "ddp", []], ["kerberos4", 750, "udp", ["kerberos-iv", "kdc"]], ["kerberos4", 750, "tcp", ["kerberos-iv", "kdc"]], ["kerberos-master", 751, "udp", ["kerberos_master"]], ["kerberos-master", 751, "tcp", []], ["passwd-server", 752, "udp", ["passwd_server"]], ["krb-prop", 754, "tcp", ["krb_prop", "krb5_prop", "hprop"]], ["zephyr-srv", 2102, "udp", []], ["zephyr-clt", 2103, "udp", []], ["zephyr-hm", 2104, "udp", []], ["iprop", 2121, "tcp", []], ["supfilesrv", 871, "tcp", []], ["supfiledbg", 1127, "tcp", []], ["poppassd", 106, "tcp", []], ["moira-db", 775, "tcp", ["moira_db"]], ["moira-update", 777, "tcp", ["moira_update"]], ["moira-ureg", 779, "udp", ["moira_ureg"]], ["spamd", 783, "tcp", []], ["skkserv", 1178, "tcp", []], ["predict", 1210, "udp", []], ["rmtcfg", 1236, "tcp", []], ["xtel", 1313, "tcp", []], ["xtelw", 1314, "tcp", []], ["zebrasrv", 2600, "tcp", []], ["zebra", 2601, "tcp", []], ["ripd", 2602, "tcp", []], ["ripngd", 2603, "tcp", []], ["ospfd", 2604, "tcp", []], ["bgpd", 2605, "tcp", []], ["ospf6d", 2606, "tcp", []], ["ospfapi", 2607, "tcp", []], ["isisd", 2608, "tcp", []], ["fax", 4557, "tcp", []], ["hylafax", 4559, "tcp", []], ["munin", 4949, "tcp", ["lrrd"]], ["rplay", 5555, "udp", []], ["nrpe", 5666, "tcp", []], ["nsca", 5667, "tcp", []], ["canna", 5680, "tcp", []], ["syslog-tls", 6514, "tcp", []], ["sane-port", 6566, "tcp", ["sane", "saned"]], ["ircd", 6667, "tcp", []], ["zope-ftp", 8021, "tcp", []], ["tproxy", 8081, "tcp", []], ["omniorb", 8088, "tcp", []], ["clc-build-daemon", 8990, "tcp", []], ["xinetd", 9098, "tcp", []], ["git", 9418, "tcp", []], ["zope", 9673, "tcp", []], ["webmin", 1e4, "tcp", []], ["kamanda", 10081, "tcp", []], ["amandaidx", 10082, "tcp", []], ["amidxtape", 10083, "tcp", []], ["sgi-cmsd", 17001, "udp", []], ["sgi-crsd", 17002, "udp", []], ["sgi-gcd", 17003, "udp", []], ["sgi-cad", 17004, "tcp", []], ["binkp", 24554, "tcp", []], ["asp", 27374, "tcp", []], ["asp", 27374, "udp", []], ["csync2", 30865, "tcp", []], ["dircproxy", 57e3, "tcp", []], ["tfido", 60177, "tcp", []], ["fido", 60179, "tcp", []]];
var PROTOCOLS = [["ip", 0, ["IP"]], ["hopopt", 0, ["HOPOPT"]], ["icmp", 1, ["ICMP"]], ["igmp", 2, ["IGMP"]], ["ggp", 3, ["GGP"]], ["ipencap", 4, ["IP-ENCAP"]], ["st", 5, ["ST"]], ["tcp", 6, ["TCP"]], ["egp", 8, ["EGP"]], ["igp", 9, ["IGP"]], ["pup", 12, ["PUP"]], ["udp", 17, ["UDP"]], ["hmp", 20, ["HMP"]], ["xns-idp", 22, ["XNS-IDP"]], ["rdp", 27, ["RDP"]], ["iso-tp4", 29, ["ISO-TP4"]], ["dccp", 33, ["DCCP"]], ["xtp", 36, ["XTP"]], ["ddp", 37, ["DDP"]], ["idpr-cmtp", 38, ["IDPR-CMTP"]], ["ipv6", 41, ["IPv6"]], ["ipv6-route", 43, ["IPv6-Route"]], ["ipv6-frag", 44, ["IPv6-Frag"]], ["idrp", 45, ["IDRP"]], ["rsvp", 46, ["RSVP"]], ["gre", 47, ["GRE"]], ["esp", 50, ["IPSEC-ESP"]], ["ah", 51, ["IPSEC-AH"]], ["skip", 57, ["SKIP"]], ["ipv6-icmp", 58, ["IPv6-ICMP"]], ["ipv6-nonxt", 59, ["IPv6-NoNxt"]], ["ipv6-opts", 60, ["IPv6-Opts"]], ["rspf", 73, ["RSPF", "CPHB"]], ["vmtp", 81, ["VMTP"]], ["eigrp", 88, ["EIGRP"]], ["ospf", 89, ["OSPFIGP"]], ["ax.25", 93, ["AX.25"]], ["ipip", 94, ["IPIP"]], ["etherip", 97, ["ETHERIP"]], ["encap", 98, ["ENCAP"]], ["pim", 103, ["PIM"]], ["ipcomp", 108, ["IPCOMP"]], ["vrrp", 112, ["VRRP"]], ["l2tp", 115, ["L2TP"]], ["isis", 124, ["ISIS"]], ["sctp", 132, ["SCTP"]], ["fc", 133, ["FC"]], ["mobility-header", 135, ["Mobility-Header"]], ["udplite", 136, ["UDPLite"]], ["mpls-in-ip", 137, ["MPLS-in-IP"]], ["manet", 138, []], ["hip", 139, ["HIP"]], ["shim6", 140, ["Shim6"]], ["wesp", 141, ["WESP"]], ["rohc", 142, ["ROHC"]], ["ethernet", 143, ["Ethernet"]], ["mptcp", 262, ["MPTCP"]]];

// src/core/netdb.ts
var serviceByNameProto = /* @__PURE__ */ new Map();
var serviceByNameAny = /* @__PURE__ */ new Map();
var serviceByPortProto = /* @__PURE__ */ new Map();
for (const [name, port2, proto2, aliases] of SERVICES) {
  for (const n of [name, ...aliases]) {
    const k = `${n}/${proto2}`;
    if (!serviceByNameProto.has(k)) serviceByNameProto.set(k, port2);
    if (!serviceByNameAny.has(n)) serviceByNameAny.set(n, port2);
  }
  const pk = `${port2}/${proto2}`;
  if (!serviceByPortProto.has(pk)) serviceByPortProto.set(pk, name);
}
var protoByName = /* @__PURE__ */ new Map();
var protoByNumber = /* @__PURE__ */ new Map();
for (const [name, num, aliases] of PROTOCOLS) {
  for (const n of [name, ...aliases]) if (!protoByName.has(n)) protoByName.set(n, num);
  if (!protoByNumber.has(num)) protoByNumber.set(num, name);
}
function getServByName(name, proto2) {
  return proto2 === void 0 ? serviceByNameAny.get(name) : serviceByNameProto.get(`${name}/${proto2}`);
}
function getServByPort(port2, proto2) {
  return serviceByPortProto.get(`${port2}/${proto2}`);
}
function getProtoByName(name) {
  return protoByName.get(name);
}
function getProtoByNumber(num) {
  return protoByNumber.get(num);
}
function getPortByName(name) {
  if (name === "") return 0;
  const num = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(name);
  if (num) {
    let v = BigInt(num[2]);
    if (v > 0xffffffffffffffffn) return void 0;
    if (num[1] === "-") v = 0x10000000000000000n - v & 0xffffffffffffffffn;
    const i = Number(BigInt.asIntN(32, v));
    return i < 0 ? void 0 : i & 65535;
  }
  return serviceByNameAny.get(name);
}
var DEFAULT_NETWORKS = [
  ["default", 0],
  ["loopback", 2130706432],
  ["link-local", 2851995648]
];
var NameDb = class {
  hosts;
  networks;
  constructor(hosts, networks) {
    this.hosts = hosts ?? [{ addr: 2130706433, names: ["localhost"] }];
    this.networks = networks ?? DEFAULT_NETWORKS.map((e) => e);
  }
  /** All addresses a host name resolves to (getaddrinfo over the hosts file), in file order. */
  lookupHost(name) {
    const out = [];
    for (const e of this.hosts) if (e.names.includes(name) && !out.includes(e.addr)) out.push(e.addr);
    return out;
  }
  /** getnameinfo() without NI_NAMEREQD: the first hosts name, else undefined (caller prints numerically). */
  reverseHost(addr2) {
    for (const e of this.hosts) if (e.addr === addr2) return e.names[0];
    return void 0;
  }
  /** getnetbyaddr() */
  networkByAddr(addr2) {
    for (const [n, a] of this.networks) if (a === addr2) return n;
    return void 0;
  }
  /** getnetbyname() */
  networkByName(name) {
    for (const [n, a] of this.networks) if (n === name) return a;
    return void 0;
  }
};

// src/core/packet.ts
var IPPROTO_ICMP = 1;
var IPPROTO_TCP = 6;
var IPPROTO_UDP = 17;
var TCP_FIN = 1;
var TCP_SYN = 2;
var TCP_RST = 4;
var TCP_PSH = 8;
var TCP_ACK = 16;
var TCP_URG = 32;
var TCP_ECE = 64;
var TCP_CWR = 128;
var IP_DF = 16384;
var IP_MF = 8192;
var IP_OFFMASK = 8191;
var SOCK_KERNEL = 1;
var SOCK_REQUEST = 2;
var PACKET_HOST = 0;
var PACKET_BROADCAST = 1;
var PACKET_MULTICAST = 2;
function macToString(m) {
  let s = "";
  for (let i = 5; i >= 0; i--) {
    const b = Math.floor(m / 2 ** (8 * i)) % 256;
    s += (s ? ":" : "") + b.toString(16).padStart(2, "0");
  }
  return s;
}
function parseMac(s) {
  const parts = s.split(":");
  if (parts.length !== 6) return void 0;
  let m = 0;
  for (const p of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(p)) return void 0;
    m = m * 256 + Number.parseInt(p, 16);
  }
  return m;
}
var Packet = class _Packet {
  // Link layer (absent for locally generated packets until they are routed out).
  macSrc = 0;
  macDst = 0;
  hasMac = false;
  pktType = PACKET_HOST;
  // IPv4
  tos = 0;
  /** Total length (IP header + payload), as on the wire. */
  len = 0;
  id = 0;
  /** Flags and fragment offset: IP_DF | IP_MF | offset (in 8-byte units). */
  frag = 0;
  ttl = 64;
  proto = 0;
  src = 0;
  dst = 0;
  /** IP options bytes (a multiple of 4), usually empty. */
  ipOptions = null;
  // Transport
  sport = 0;
  dport = 0;
  // TCP
  seq = 0;
  ack = 0;
  tcpFlags = 0;
  /** The low nibble of TCP header byte 12: AE (0x1, accurate ECN) and the reserved bits (0xe). */
  tcpRes = 0;
  /** UDP sent without a checksum (the field is 0 on the wire and stays so, NAT included). */
  udpNoCsum = false;
  window = 0;
  urgPtr = 0;
  /** TCP options bytes (a multiple of 4). */
  tcpOptions = null;
  // ICMP
  icmpType = 0;
  icmpCode = 0;
  /** Echo id/seq, or the 32-bit rest-of-header word of other ICMP types. */
  icmpId = 0;
  icmpSeq = 0;
  icmpRest = 0;
  /** For ICMP errors: the quoted packet (its IP header and first 8 bytes at least). */
  inner = null;
  /** Bytes of the quoted packet that were present after its IP header (ICMP errors). */
  innerLen = 0;
  /** Transport payload (after the TCP/UDP/ICMP header), or null: zeros of the right length. */
  payload = null;
  // Metadata (sk_buff)
  mark = 0;
  priority = 0;
  secmark = 0;
  /** Interfaces: names, "" when none. */
  inDev = "";
  outDev = "";
  /** For bridged packets: physical in/out ports. */
  physIn = "";
  physOut = "";
  /** Owner of a locally generated packet. */
  uid = -1;
  gid = -1;
  /**
   * Which socket a packet the kernel made belongs to (owner match, LOG --log-uid): SOCK_FILE (0) an
   * application's (uid < 0: none), SOCK_KERNEL a control socket without a file (TCP resets, ICMP),
   * SOCK_REQUEST a request socket (SYN-ACK: owner sees its listener's uid/gid, LOG no UID).
   */
  sockKind = 0;
  /** Set by the TRACE target. */
  nfTrace = false;
  /** nf_tables trace id of this skb (0 until its first trace event). */
  traceId = 0;
  /** Conntrack entry (skb->_nfct) and how this packet relates to it (IP_CT_*), set by the engine. */
  ct = null;
  ctinfo = 0;
  clone() {
    const p = new _Packet();
    Object.assign(p, this);
    if (this.inner) p.inner = this.inner.clone();
    return p;
  }
  get ihl() {
    return 20 + (this.ipOptions?.length ?? 0);
  }
  /** Length of the transport header. */
  get l4HeaderLen() {
    switch (this.proto) {
      case IPPROTO_TCP:
        return 20 + (this.tcpOptions?.length ?? 0);
      case IPPROTO_UDP:
        return 8;
      case IPPROTO_ICMP:
        return 8;
      default:
        return 0;
    }
  }
  /** Bytes of transport payload implied by the total length. */
  get payloadLen() {
    return Math.max(0, this.len - this.ihl - this.l4HeaderLen);
  }
  isFragment() {
    return (this.frag & IP_OFFMASK) !== 0;
  }
};
function onesSum(data, start, end, init = 0) {
  let sum = init;
  let i = start;
  for (; i + 1 < end; i += 2) sum += data[i] << 8 | data[i + 1];
  if (i < end) sum += data[i] << 8;
  while (sum > 65535) sum = (sum & 65535) + (sum >>> 16);
  return sum;
}
function put16(b, o, v) {
  b[o] = v >>> 8 & 255;
  b[o + 1] = v & 255;
}
function put32(b, o, v) {
  b[o] = v >>> 24 & 255;
  b[o + 1] = v >>> 16 & 255;
  b[o + 2] = v >>> 8 & 255;
  b[o + 3] = v & 255;
}
function get16(b, o) {
  return b[o] << 8 | b[o + 1];
}
function get32(b, o) {
  return (b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]) >>> 0;
}
function ipBytes(p) {
  const ihl = p.ihl;
  const total = p.len > 0 ? p.len : ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
  const b = new Uint8Array(total);
  b[0] = 64 | ihl >>> 2;
  b[1] = p.tos;
  put16(b, 2, total);
  put16(b, 4, p.id);
  put16(b, 6, p.frag);
  b[8] = p.ttl;
  b[9] = p.proto;
  put32(b, 12, p.src);
  put32(b, 16, p.dst);
  if (p.ipOptions) b.set(p.ipOptions, 20);
  put16(b, 10, ~onesSum(b, 0, ihl) & 65535);
  if (p.isFragment()) {
    if (p.payload) b.set(p.payload.subarray(0, total - ihl), ihl);
    return b;
  }
  const l4 = ihl;
  switch (p.proto) {
    case IPPROTO_TCP: {
      const hl = p.l4HeaderLen;
      if (total < l4 + hl) break;
      put16(b, l4, p.sport);
      put16(b, l4 + 2, p.dport);
      put32(b, l4 + 4, p.seq);
      put32(b, l4 + 8, p.ack);
      b[l4 + 12] = hl >>> 2 << 4 | p.tcpRes & 15;
      b[l4 + 13] = p.tcpFlags;
      put16(b, l4 + 14, p.window);
      put16(b, l4 + 18, p.urgPtr);
      if (p.tcpOptions) b.set(p.tcpOptions, l4 + 20);
      if (p.payload) b.set(p.payload.subarray(0, total - l4 - hl), l4 + hl);
      put16(b, l4 + 16, ~onesSum(b, l4, total, pseudo(p, total - l4)) & 65535);
      break;
    }
    case IPPROTO_UDP: {
      if (total < l4 + 8) break;
      put16(b, l4, p.sport);
      put16(b, l4 + 2, p.dport);
      put16(b, l4 + 4, total - l4);
      if (p.payload) b.set(p.payload.subarray(0, total - l4 - 8), l4 + 8);
      const c = ~onesSum(b, l4, total, pseudo(p, total - l4)) & 65535;
      put16(b, l4 + 6, p.udpNoCsum ? 0 : c === 0 ? 65535 : c);
      break;
    }
    case IPPROTO_ICMP: {
      if (total < l4 + 8) break;
      b[l4] = p.icmpType;
      b[l4 + 1] = p.icmpCode;
      if (p.icmpType === 0 || p.icmpType === 8 || p.icmpType === 13 || p.icmpType === 14) {
        put16(b, l4 + 4, p.icmpId);
        put16(b, l4 + 6, p.icmpSeq);
      } else put32(b, l4 + 4, p.icmpRest);
      if (p.inner) {
        const q = ipBytes(p.inner);
        b.set(q.subarray(0, Math.min(q.length, total - l4 - 8)), l4 + 8);
      } else if (p.payload) b.set(p.payload.subarray(0, total - l4 - 8), l4 + 8);
      put16(b, l4 + 2, ~onesSum(b, l4, total) & 65535);
      break;
    }
    default:
      if (p.payload) b.set(p.payload.subarray(0, total - l4), l4);
  }
  return b;
}
function pseudo(p, l4len) {
  let s = (p.src >>> 16) + (p.src & 65535) + (p.dst >>> 16) + (p.dst & 65535) + p.proto + l4len;
  while (s > 65535) s = (s & 65535) + (s >>> 16);
  return s;
}
function frameBytes(p) {
  const ip2 = ipBytes(p);
  const f = new Uint8Array(14 + ip2.length);
  const putMac = (o, m) => {
    for (let i = 0; i < 6; i++) f[o + i] = Math.floor(m / 2 ** (8 * (5 - i))) % 256;
  };
  putMac(0, p.macDst);
  putMac(6, p.macSrc);
  f[12] = 8;
  f[13] = 0;
  f.set(ip2, 14);
  return f;
}
function parseIp(b, quoted = false) {
  if (b.length < 20 || b[0] >>> 4 !== 4) return void 0;
  const p = new Packet();
  const ihl = (b[0] & 15) * 4;
  if (ihl < 20 || b.length < ihl) return void 0;
  p.tos = b[1];
  p.len = get16(b, 2);
  p.id = get16(b, 4);
  p.frag = get16(b, 6);
  p.ttl = b[8];
  p.proto = b[9];
  p.src = get32(b, 12);
  p.dst = get32(b, 16);
  if (ihl > 20) p.ipOptions = b.slice(20, ihl);
  const end = quoted ? b.length : Math.min(b.length, p.len);
  const l4 = ihl;
  if (p.isFragment()) {
    p.payload = b.slice(l4, end);
    return p;
  }
  switch (p.proto) {
    case IPPROTO_TCP:
      if (end - l4 >= 4) {
        p.sport = get16(b, l4);
        p.dport = get16(b, l4 + 2);
      }
      if (end - l4 >= 8) p.seq = get32(b, l4 + 4);
      if (end - l4 >= 20) {
        p.ack = get32(b, l4 + 8);
        const hl = (b[l4 + 12] >>> 4) * 4;
        p.tcpFlags = b[l4 + 13];
        p.tcpRes = b[l4 + 12] & 15;
        p.window = get16(b, l4 + 14);
        p.urgPtr = get16(b, l4 + 18);
        if (hl > 20 && end - l4 >= hl) p.tcpOptions = b.slice(l4 + 20, l4 + hl);
        if (end > l4 + hl) p.payload = b.slice(l4 + hl, end);
      }
      break;
    case IPPROTO_UDP:
      if (end - l4 >= 4) {
        p.sport = get16(b, l4);
        p.dport = get16(b, l4 + 2);
      }
      if (end - l4 >= 8) p.udpNoCsum = get16(b, l4 + 6) === 0;
      if (end > l4 + 8) p.payload = b.slice(l4 + 8, end);
      break;
    case IPPROTO_ICMP:
      if (end - l4 >= 8) {
        p.icmpType = b[l4];
        p.icmpCode = b[l4 + 1];
        p.icmpId = get16(b, l4 + 4);
        p.icmpSeq = get16(b, l4 + 6);
        p.icmpRest = get32(b, l4 + 4);
        const isError = p.icmpType === 3 || p.icmpType === 4 || p.icmpType === 5 || p.icmpType === 11 || p.icmpType === 12;
        if (isError && end - l4 > 8) {
          const inner = parseIp(b.subarray(l4 + 8, end), true);
          if (inner) {
            p.inner = inner;
            p.innerLen = end - l4 - 8;
          }
        } else if (end > l4 + 8) p.payload = b.slice(l4 + 8, end);
      }
      break;
    default:
      if (end > l4) p.payload = b.slice(l4, end);
  }
  return p;
}
function parseFrame(f) {
  if (f.length < 14 || f[12] !== 8 || f[13] !== 0) return void 0;
  const p = parseIp(f.subarray(14));
  if (!p) return void 0;
  let dst = 0;
  let src = 0;
  for (let i = 0; i < 6; i++) {
    dst = dst * 256 + f[i];
    src = src * 256 + f[6 + i];
  }
  p.macDst = dst;
  p.macSrc = src;
  p.hasMac = true;
  return p;
}

// src/engine/conntrack.ts
var IP_CT_ESTABLISHED = 0;
var IP_CT_RELATED = 1;
var IP_CT_NEW = 2;
var IP_CT_IS_REPLY = 3;
var IP_CT_ESTABLISHED_REPLY = 3;
var IP_CT_RELATED_REPLY = 4;
var IP_CT_UNTRACKED = 7;
var IP_CT_DIR_ORIGINAL = 0;
var IP_CT_DIR_REPLY = 1;
function ctinfoDir(ctinfo) {
  return ctinfo >= IP_CT_IS_REPLY ? IP_CT_DIR_REPLY : IP_CT_DIR_ORIGINAL;
}
var IPS_EXPECTED = 1 << 0;
var IPS_SEEN_REPLY = 1 << 1;
var IPS_ASSURED = 1 << 2;
var IPS_CONFIRMED = 1 << 3;
var IPS_SRC_NAT = 1 << 4;
var IPS_DST_NAT = 1 << 5;
var IPS_NAT_MASK = IPS_SRC_NAT | IPS_DST_NAT;
var IPS_SEQ_ADJUST = 1 << 6;
var IPS_SRC_NAT_DONE = 1 << 7;
var IPS_DST_NAT_DONE = 1 << 8;
var IPS_NAT_DONE_MASK = IPS_SRC_NAT_DONE | IPS_DST_NAT_DONE;
var IPS_DYING = 1 << 9;
var IPS_FIXED_TIMEOUT = 1 << 10;
var IPS_TEMPLATE = 1 << 11;
var IPS_NAT_CLASH = 1 << 12;
var IPS_HELPER = 1 << 13;
var IPS_OFFLOAD = 1 << 14;
var IPS_HW_OFFLOAD = 1 << 15;
var IPCT_NEW = 0;
var IPCT_RELATED = 1;
var IPCT_REPLY = 3;
var IPCT_ASSURED = 4;
var IPCT_PROTOINFO = 5;
var IPCT_MARK = 7;
var IPCT_LABEL = 10;
var NF_CT_ZONE_DIR_ORIG = 1;
var NF_CT_ZONE_DIR_REPL = 2;
var NF_CT_DEFAULT_ZONE_DIR = 3;
function zoneIdFor(z, dir) {
  return z.dir & 1 << dir ? z.id : 0;
}
var TCP_CONNTRACK_NONE = 0;
var TCP_CONNTRACK_SYN_SENT = 1;
var TCP_CONNTRACK_SYN_RECV = 2;
var TCP_CONNTRACK_ESTABLISHED = 3;
var TCP_CONNTRACK_FIN_WAIT = 4;
var TCP_CONNTRACK_CLOSE_WAIT = 5;
var TCP_CONNTRACK_LAST_ACK = 6;
var TCP_CONNTRACK_TIME_WAIT = 7;
var TCP_CONNTRACK_CLOSE = 8;
var TCP_CONNTRACK_SYN_SENT2 = 9;
var sIV = 10;
var sIG = 11;
var TCP_CONNTRACK_RETRANS = 12;
var TCP_CONNTRACK_UNACK = 13;
var TCP_STATE_NAMES = [
  "NONE",
  "SYN_SENT",
  "SYN_RECV",
  "ESTABLISHED",
  "FIN_WAIT",
  "CLOSE_WAIT",
  "LAST_ACK",
  "TIME_WAIT",
  "CLOSE",
  "SYN_SENT2"
];
var TCP_SYN_SET = 0;
var TCP_SYNACK_SET = 1;
var TCP_FIN_SET = 2;
var TCP_ACK_SET = 3;
var TCP_RST_SET = 4;
var TCP_NONE_SET = 5;
var [sNO, sSS, sSR, sES, sFW, sCW, sLA, sTW, sCL, sS2] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
var TCP_CONNTRACKS = [
  [
    /* ORIGINAL     sNO, sSS, sSR, sES, sFW, sCW, sLA, sTW, sCL, sS2 */
    /* syn    */
    [sSS, sSS, sIG, sIG, sIG, sIG, sIG, sSS, sSS, sS2],
    /* synack */
    [sIV, sIV, sSR, sIV, sIV, sIV, sIV, sIV, sIV, sSR],
    /* fin    */
    [sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV],
    /* ack    */
    [sES, sIV, sES, sES, sCW, sCW, sTW, sTW, sCL, sIV],
    /* rst    */
    [sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL],
    /* none   */
    [sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV]
  ],
  [
    /* REPLY        sNO, sSS, sSR, sES, sFW, sCW, sLA, sTW, sCL, sS2 */
    /* syn    */
    [sIV, sS2, sIV, sIV, sIV, sIV, sIV, sSS, sIV, sS2],
    /* synack */
    [sIV, sSR, sIG, sIG, sIG, sIG, sIG, sIG, sIG, sSR],
    /* fin    */
    [sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV],
    /* ack    */
    [sIV, sIG, sSR, sES, sCW, sCW, sTW, sTW, sCL, sIG],
    /* rst    */
    [sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL],
    /* none   */
    [sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV]
  ]
];
var IP_CT_TCP_FLAG_WINDOW_SCALE = 1;
var IP_CT_TCP_FLAG_SACK_PERM = 2;
var IP_CT_TCP_FLAG_CLOSE_INIT = 4;
var IP_CT_TCP_FLAG_BE_LIBERAL = 8;
var IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED = 16;
var IP_CT_TCP_FLAG_MAXACK_SET = 32;
var IP_CT_EXP_CHALLENGE_ACK = 64;
var IP_CT_TCP_SIMULTANEOUS_OPEN = 128;
var newSeen = () => ({
  end: 0,
  maxend: 0,
  maxwin: 0,
  maxack: 0,
  scale: 0,
  flags: 0
});
var newTcp = () => ({
  seen: [newSeen(), newSeen()],
  state: 0,
  lastDir: 0,
  retrans: 0,
  lastIndex: 0,
  lastSeq: 0,
  lastAck: 0,
  lastEnd: 0,
  lastWin: 0,
  lastWscale: 0,
  lastFlags: 0
});
var u32 = (n) => n >>> 0;
var before = (a, b) => (a - b | 0) < 0;
var after = (a, b) => before(b, a);
var IPPROTO_DCCP = 33;
var IPPROTO_SCTP = 132;
var IPPROTO_UDPLITE = 136;
function hasPorts(proto2) {
  return proto2 === IPPROTO_TCP || proto2 === IPPROTO_UDP || proto2 === IPPROTO_UDPLITE || proto2 === IPPROTO_SCTP || proto2 === IPPROTO_DCCP;
}
function tupleEqual(a, b) {
  return a.src === b.src && a.dst === b.dst && a.proto === b.proto && a.sport === b.sport && a.dport === b.dport && a.type === b.type && a.code === b.code;
}
function tupleKey(t) {
  return `${t.proto}/${t.src}/${t.dst}/${t.sport}/${t.dport}/${t.type}/${t.code}`;
}
var ICMP_INVMAP = {
  8: 0,
  0: 8,
  13: 14,
  14: 13,
  15: 16,
  16: 15,
  17: 18,
  18: 17
};
function invertTuple(t) {
  if (t.proto === IPPROTO_ICMP) {
    const inv2 = ICMP_INVMAP[t.type];
    if (inv2 === void 0) return void 0;
    return {
      src: t.dst,
      dst: t.src,
      proto: t.proto,
      sport: t.sport,
      dport: 0,
      type: inv2,
      code: t.code
    };
  }
  return {
    src: t.dst,
    dst: t.src,
    proto: t.proto,
    sport: t.dport,
    dport: t.sport,
    type: 0,
    code: 0
  };
}
function wireLen(p) {
  return p.len > 0 ? p.len : p.ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
}
function packetTuple(p) {
  const t = {
    src: p.src >>> 0,
    dst: p.dst >>> 0,
    proto: p.proto,
    sport: 0,
    dport: 0,
    type: 0,
    code: 0
  };
  if (p.proto === IPPROTO_ICMP) {
    t.sport = p.icmpId;
    t.type = p.icmpType;
    t.code = p.icmpCode;
  } else if (hasPorts(p.proto)) {
    t.sport = p.sport;
    t.dport = p.dport;
  }
  return t;
}
var Conn = class {
  constructor(owner, orig, reply, id) {
    this.owner = owner;
    this.tuple = [orig, reply];
    this.id = id;
  }
  owner;
  tuple;
  status = 0;
  /** Expiry in virtual ns (absolute once confirmed, relative before, like ct->timeout). */
  timeout = 0;
  mark = 0;
  secmark = 0;
  labels = null;
  zone = { id: 0, dir: NF_CT_DEFAULT_ZONE_DIR };
  /** Template zone taken from the packet mark (CT --zone mark). */
  zoneFromMark = false;
  counters = null;
  tcp = null;
  udpStreamTs = 0;
  helper = "";
  /** Event bits cached for the next delivery (ecache). */
  ecache = 0;
  /** Output device of MASQUERADE (nat->masq_index), "" when none. */
  masqDev = "";
  id;
  get proto() {
    return this.tuple[0].proto;
  }
  isConfirmed() {
    return (this.status & IPS_CONFIRMED) !== 0;
  }
  isTemplate() {
    return (this.status & IPS_TEMPLATE) !== 0;
  }
  /** nf_ct_expires() in ns (0 for an unconfirmed entry, whose timeout is still relative). */
  expiresNs(now) {
    if (!this.isConfirmed()) return 0;
    return Math.max(this.timeout - now, 0);
  }
};
var CONNTRACK_KEY = "conntrack";
var CT_MATCH_USERS = /* @__PURE__ */ new Set([
  "state",
  "conntrack",
  "connmark",
  "connlimit",
  "connbytes",
  "connlabel",
  "helper",
  "cluster"
]);
var CT_TARGET_USERS = /* @__PURE__ */ new Set([
  "CONNMARK",
  "CONNSECMARK",
  "SNAT",
  "DNAT",
  "MASQUERADE",
  "REDIRECT",
  "NETMAP",
  "SYNPROXY"
]);
var XT_CT_NOTRACK = 1;
var SEC = 1e9;
var DEFAULT_TIMEOUTS = {
  nf_conntrack_tcp_timeout_syn_sent: 120,
  nf_conntrack_tcp_timeout_syn_recv: 60,
  nf_conntrack_tcp_timeout_established: 432e3,
  nf_conntrack_tcp_timeout_fin_wait: 120,
  nf_conntrack_tcp_timeout_close_wait: 60,
  nf_conntrack_tcp_timeout_last_ack: 30,
  nf_conntrack_tcp_timeout_time_wait: 120,
  nf_conntrack_tcp_timeout_close: 10,
  nf_conntrack_tcp_timeout_max_retrans: 300,
  nf_conntrack_tcp_timeout_unacknowledged: 300,
  nf_conntrack_udp_timeout: 30,
  nf_conntrack_udp_timeout_stream: 120,
  nf_conntrack_icmp_timeout: 30,
  nf_conntrack_generic_timeout: 600,
  nf_conntrack_tcp_loose: 1,
  nf_conntrack_tcp_be_liberal: 0,
  nf_conntrack_tcp_max_retrans: 3,
  nf_conntrack_tcp_ignore_invalid_rst: 0,
  nf_conntrack_max: 65536,
  nf_conntrack_acct: 0
};
var TCP_TIMEOUT_SYSCTL = [
  "",
  "syn_sent",
  "syn_recv",
  "established",
  "fin_wait",
  "close_wait",
  "last_ack",
  "time_wait",
  "close",
  "syn_sent",
  "",
  "",
  "max_retrans",
  "unacknowledged"
];
var NF_DROP = 0;
var NF_ACCEPT = 1;
var NF_REPEAT = 4;
var Conntrack = class {
  constructor(opts) {
    this.opts = opts;
    opts.shared?.set(CONNTRACK_KEY, this);
  }
  opts;
  hash = /* @__PURE__ */ new Map();
  /** Confirmed entries in insertion order. */
  order = /* @__PURE__ */ new Set();
  events = [];
  usageCache = null;
  lastNow = 0;
  /** The NAT engine bound to this table (set by its constructor). */
  nat = null;
  /** Statistics of conntrack -S (per cpu in the kernel; one cpu here). */
  stats = {
    found: 0,
    invalid: 0,
    insert: 0,
    insert_failed: 0,
    drop: 0,
    early_drop: 0,
    error: 0,
    search_restart: 0,
    clash_resolve: 0,
    chaintoolong: 0
  };
  // ---- configuration ----
  sysctl(name) {
    const v = this.opts.net().sysctlRead(["net", "netfilter", name]);
    if (v === void 0) return DEFAULT_TIMEOUTS[name] ?? 0;
    return Number.parseInt(v, 10);
  }
  timeoutSecs(name) {
    return this.sysctl(name);
  }
  tcpTimeout(state) {
    if (state === TCP_CONNTRACK_SYN_SENT2) return 120 * SEC;
    return this.timeoutSecs(`nf_conntrack_tcp_timeout_${TCP_TIMEOUT_SYSCTL[state]}`) * SEC;
  }
  /** What the committed rules ask of conntrack (nf_ct_netns_get users, labels, accounting). */
  usage() {
    const rs = this.opts.ruleset();
    const tables = [...rs.tables.values()];
    const c = this.usageCache;
    if (c && c.tables.length === tables.length && c.tables.every((t, i) => t === tables[i])) return c.usage;
    const usage5 = { active: false, labels: false, acct: false };
    for (const t of tables) {
      if (!t.exists) continue;
      for (const ch2 of t.chains.values()) {
        for (const r of ch2.rules) {
          for (const m of r.matches) {
            if (CT_MATCH_USERS.has(m.ext.name)) usage5.active = true;
            if (m.ext.name === "connlabel") usage5.labels = true;
            if (m.ext.name === "connbytes") usage5.acct = true;
          }
          const tg = r.target?.ext.name;
          if (tg && CT_TARGET_USERS.has(tg)) usage5.active = true;
          if ((tg === "CT" || tg === "NOTRACK") && !(r.target.data.flags & XT_CT_NOTRACK))
            usage5.active = true;
        }
      }
    }
    if (usage5.acct && this.sysctl("nf_conntrack_acct") === 0)
      this.opts.net().sysctlWrite(["net", "netfilter", "nf_conntrack_acct"], "1");
    this.usageCache = { tables, usage: usage5 };
    return usage5;
  }
  active() {
    return this.usage().active;
  }
  // ---- the table ----
  hashAdd(ct) {
    for (const dir of [0, 1]) {
      const k = tupleKey(ct.tuple[dir]);
      const list = this.hash.get(k);
      if (list) list.push({ ct, dir });
      else this.hash.set(k, [{ ct, dir }]);
    }
  }
  hashDel(ct) {
    for (const dir of [0, 1]) {
      const k = tupleKey(ct.tuple[dir]);
      const list = this.hash.get(k);
      if (!list) continue;
      const rest = list.filter((h) => h.ct !== ct);
      if (rest.length) this.hash.set(k, rest);
      else this.hash.delete(k);
    }
  }
  /** __nf_conntrack_find_get(): a live entry with this tuple in `zone` (expired ones are reaped). */
  find(t, zone, now = this.lastNow) {
    const list = this.hash.get(tupleKey(t));
    if (!list) return void 0;
    for (const h of list) {
      if (this.expired(h.ct, now)) {
        this.expire(h.ct);
        return this.find(t, zone, now);
      }
      if (zoneIdFor(h.ct.zone, h.dir) === zoneIdFor(zone, h.dir)) return h;
    }
    return void 0;
  }
  /** nf_conntrack_tuple_taken(): another confirmed entry already uses `t` (in the zone of `ignored`). */
  tupleTaken(t, ignored) {
    const list = this.hash.get(tupleKey(t));
    if (!list) return false;
    for (const h of list.slice()) {
      const ct = h.ct;
      if (ct === ignored) continue;
      if (this.expired(ct, this.lastNow)) {
        this.expire(ct);
        continue;
      }
      if (zoneIdFor(ct.zone, h.dir) !== zoneIdFor(ignored.zone, h.dir)) continue;
      if (tupleEqual(ignored.tuple[0], ct.tuple[0]) && zoneIdFor(ct.zone, 0) === zoneIdFor(ignored.zone, 0)) continue;
      return true;
    }
    return false;
  }
  expired(ct, now) {
    return ct.isConfirmed() && ct.timeout - now <= 0;
  }
  expire(ct) {
    this.remove(ct, false);
  }
  /** nf_ct_delete(): out of the table, with a DESTROY event. */
  remove(ct, userspace) {
    if (!this.order.has(ct)) {
      ct.status |= IPS_DYING;
      return;
    }
    this.order.delete(ct);
    this.hashDel(ct);
    ct.status |= IPS_DYING;
    this.record(ct, "DESTROY", userspace);
  }
  /** Reaps expired entries (the kernel's gc worker, run lazily). */
  gc(now) {
    this.lastNow = Math.max(this.lastNow, now);
    for (const ct of [...this.order]) if (this.expired(ct, now)) this.expire(ct);
  }
  /** Live entries in insertion order. */
  entries(now = this.lastNow) {
    this.gc(now);
    return [...this.order];
  }
  count(now = this.lastNow) {
    this.gc(now);
    return this.order.size;
  }
  flush(userspace = true) {
    const all = [...this.order];
    for (const ct of all) this.remove(ct, userspace);
    return all.length;
  }
  /** Events recorded since the previous call (what `conntrack -E` would have printed). */
  takeEvents() {
    const e = this.events;
    this.events = [];
    return e;
  }
  peekEvents() {
    return this.events;
  }
  /** Flushes the entries MASQUERADE bound to `dev` (device down / address removed). */
  flushMasquerade(dev) {
    for (const ct of [...this.order]) if (ct.masqDev === dev) this.remove(ct, false);
  }
  record(ct, type, userspace = false) {
    if (ct.isTemplate()) return;
    let timeout;
    const now = this.lastNow;
    if (type === "DESTROY") {
      const left = Math.floor(ct.expiresNs(now) / SEC);
      timeout = left === 0 ? void 0 : left;
    } else {
      timeout = ct.isConfirmed() ? Math.floor(ct.expiresNs(now) / SEC) : Math.floor(ct.timeout / SEC);
    }
    if (this.events.length >= 1e4) this.events.shift();
    this.events.push({
      type,
      orig: { ...ct.tuple[0] },
      reply: { ...ct.tuple[1] },
      status: ct.status,
      timeout,
      tcpState: ct.tcp ? ct.tcp.state : void 0,
      mark: ct.mark,
      zone: { ...ct.zone },
      counters: ct.counters ? ct.counters.map((c) => ({ ...c })) : null,
      userspace,
      id: ct.id
    });
  }
  /** nf_conntrack_event_cache() */
  eventCache(ct, ev) {
    ct.ecache |= 1 << ev;
  }
  /** nf_ct_deliver_cached_events() */
  deliver(ct) {
    const ev = ct.ecache;
    ct.ecache = 0;
    if (!ev || ct.status & IPS_DYING) return;
    if (ev & (1 << IPCT_NEW | 1 << IPCT_RELATED)) this.record(ct, "NEW");
    else this.record(ct, "UPDATE");
  }
  // ---- timeouts and accounting ----
  /** nf_ct_refresh_acct() */
  refreshAcct(ct, ctinfo, p, extraNs, now) {
    if (!(ct.status & IPS_FIXED_TIMEOUT)) ct.timeout = ct.isConfirmed() ? now + extraNs : extraNs;
    this.acct(ct, ctinfo, p);
  }
  acct(ct, ctinfo, p) {
    if (!ct.counters) return;
    const c = ct.counters[ctinfoDir(ctinfo)];
    c.packets++;
    c.bytes += wireLen(p);
  }
  /** nf_ct_kill_acct() */
  killAcct(ct, ctinfo, p) {
    this.acct(ct, ctinfo, p);
    this.remove(ct, false);
  }
  // ---- the packet path ----
  nextId() {
    return this.opts.rng.next32();
  }
  /** A CT target template (zone, helper); the rule holds one for its lifetime. */
  static template(zone, zoneFromMark, helper) {
    const z = {
      src: 0,
      dst: 0,
      proto: 0,
      sport: 0,
      dport: 0,
      type: 0,
      code: 0
    };
    const t = new Conn(null, z, { ...z }, 0);
    t.status = IPS_TEMPLATE | IPS_CONFIRMED;
    t.zone = zone;
    t.zoneFromMark = zoneFromMark;
    t.helper = helper;
    return t;
  }
  /** nf_ct_zone_tmpl() */
  zoneOf(tmpl, p) {
    if (!tmpl) return { id: 0, dir: NF_CT_DEFAULT_ZONE_DIR };
    if (tmpl.zoneFromMark) return { id: p.mark & 65535, dir: tmpl.zone.dir };
    return tmpl.zone;
  }
  /** nf_conntrack_in() at PREROUTING or OUTPUT. */
  in(p, hook, nowNs) {
    this.lastNow = Math.max(this.lastNow, nowNs);
    const now = nowNs;
    const cur = p.ct;
    if (cur || p.ctinfo === IP_CT_UNTRACKED) {
      if (cur && !cur.isTemplate() || p.ctinfo === IP_CT_UNTRACKED) return true;
    }
    const tmpl = cur && cur.isTemplate() ? cur : null;
    p.ct = null;
    p.ctinfo = 0;
    if (p.isFragment() || p.frag & 8192) {
      this.stats.drop++;
      return false;
    }
    if (p.proto === IPPROTO_ICMP) {
      const r = this.icmpError(tmpl, p, hook);
      if (r === "invalid") {
        this.stats.invalid++;
        return true;
      }
      if (r === "related") return true;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = this.resolveNormal(tmpl, p, now);
      if (res === "drop") {
        this.stats.drop++;
        return false;
      }
      const ct = p.ct;
      if (!ct) {
        this.stats.invalid++;
        return true;
      }
      const v = this.handlePacket(ct, p, p.ctinfo, hook, now);
      if (v <= 0) {
        p.ct = null;
        p.ctinfo = 0;
        if (v === -NF_REPEAT) continue;
        this.stats.invalid++;
        if (v === NF_DROP) {
          this.stats.drop++;
          return false;
        }
        return true;
      }
      if (p.ctinfo === IP_CT_ESTABLISHED_REPLY && !(ct.status & IPS_SEEN_REPLY)) {
        ct.status |= IPS_SEEN_REPLY;
        this.eventCache(ct, IPCT_REPLY);
      }
      return true;
    }
    return true;
  }
  /** nf_conntrack_icmpv4_error(): ICMP errors become RELATED to the connection they quote. */
  icmpError(tmpl, p, _hook) {
    if (wireLen(p) - p.ihl < 8) return "invalid";
    if (p.icmpType > 18) return "invalid";
    const t = p.icmpType;
    if (!(t === 3 || t === 4 || t === 5 || t === 11 || t === 12)) return "normal";
    const inner = p.inner;
    const quoted = p.innerLen || wireLen(p) - p.ihl - 8;
    if (!inner || quoted < inner.ihl + 8) return "invalid";
    const orig = packetTuple(inner);
    if (!orig) return "invalid";
    const innertuple = invertTuple(orig);
    if (!innertuple) return "invalid";
    const zone = this.zoneOf(tmpl, p);
    const h = this.find(innertuple, zone);
    if (!h) return "invalid";
    const ctDaddr = h.ct.tuple[h.dir].dst;
    if (ctDaddr !== p.dst >>> 0) return "invalid";
    p.ct = h.ct;
    p.ctinfo = h.dir === IP_CT_DIR_REPLY ? IP_CT_RELATED_REPLY : IP_CT_RELATED;
    return "related";
  }
  /** resolve_normal_ct() */
  resolveNormal(tmpl, p, now) {
    const t = packetTuple(p);
    if (!t) return "ok";
    const zone = this.zoneOf(tmpl, p);
    let h = this.find(t, zone, now);
    if (!h) {
      const reply = invertTuple(t);
      if (!reply) return "ok";
      const max = this.sysctl("nf_conntrack_max");
      if (max && this.order.size + 1 > max) {
        this.opts.log?.(4, "nf_conntrack: nf_conntrack: table full, dropping packet");
        return "drop";
      }
      const usage5 = this.usage();
      const ct2 = new Conn(this, t, reply, this.nextId());
      ct2.zone = { ...zone };
      if (tmpl?.helper) ct2.helper = tmpl.helper;
      if (usage5.labels) ct2.labels = 0n;
      if (this.sysctl("nf_conntrack_acct"))
        ct2.counters = [
          { packets: 0, bytes: 0 },
          { packets: 0, bytes: 0 }
        ];
      h = { ct: ct2, dir: IP_CT_DIR_ORIGINAL };
      p.ct = ct2;
      p.ctinfo = IP_CT_NEW;
      return "ok";
    }
    const ct = h.ct;
    if (h.dir === IP_CT_DIR_REPLY) p.ctinfo = IP_CT_ESTABLISHED_REPLY;
    else if (ct.status & IPS_SEEN_REPLY) p.ctinfo = IP_CT_ESTABLISHED;
    else if (ct.status & IPS_EXPECTED) p.ctinfo = IP_CT_RELATED;
    else p.ctinfo = IP_CT_NEW;
    p.ct = ct;
    this.stats.found++;
    return "ok";
  }
  /** nf_conntrack_handle_packet(): >0 accept, -NF_ACCEPT invalid, -NF_REPEAT reopen, NF_DROP drop. */
  handlePacket(ct, p, ctinfo, hook, now) {
    switch (ct.proto) {
      case IPPROTO_TCP:
        return this.tcpPacket(ct, p, ctinfo, hook, now);
      case IPPROTO_UDP:
      case IPPROTO_UDPLITE:
        return this.udpPacket(ct, p, ctinfo, now);
      case IPPROTO_ICMP:
        return this.icmpPacket(ct, p, ctinfo, now);
      default:
        this.refreshAcct(ct, ctinfo, p, this.timeoutSecs("nf_conntrack_generic_timeout") * SEC, now);
        return NF_ACCEPT;
    }
  }
  udpPacket(ct, p, ctinfo, now) {
    const l4len = wireLen(p) - p.ihl;
    if (l4len < 8) return -NF_ACCEPT;
    const status = ct.status;
    if (!(status & IPS_CONFIRMED)) ct.udpStreamTs = now + 2 * SEC;
    if (status & IPS_SEEN_REPLY) {
      let extra = this.timeoutSecs("nf_conntrack_udp_timeout") * SEC;
      let stream = false;
      if (now > ct.udpStreamTs) {
        extra = this.timeoutSecs("nf_conntrack_udp_timeout_stream") * SEC;
        stream = (status & IPS_ASSURED) === 0;
      }
      this.refreshAcct(ct, ctinfo, p, extra, now);
      if (status & IPS_NAT_CLASH) return NF_ACCEPT;
      if (stream && !(ct.status & IPS_ASSURED)) {
        ct.status |= IPS_ASSURED;
        this.eventCache(ct, IPCT_ASSURED);
      }
    } else {
      this.refreshAcct(ct, ctinfo, p, this.timeoutSecs("nf_conntrack_udp_timeout") * SEC, now);
    }
    return NF_ACCEPT;
  }
  icmpPacket(ct, p, ctinfo, now) {
    const t = ct.tuple[0].type;
    if (!(t === 8 || t === 13 || t === 15 || t === 17)) return -NF_ACCEPT;
    this.refreshAcct(ct, ctinfo, p, this.timeoutSecs("nf_conntrack_icmp_timeout") * SEC, now);
    return NF_ACCEPT;
  }
  // ---- TCP (nf_conntrack_proto_tcp.c) ----
  tcpPacket(ct, p, ctinfo, hook, now) {
    const len = wireLen(p);
    const doff = p.l4HeaderLen;
    if (len - p.ihl < 20 || len - p.ihl < doff) return -NF_ACCEPT;
    const fl = p.tcpFlags;
    if (!tcpValidFlags(fl & ~(64 | 128 | 8))) return -NF_ACCEPT;
    void hook;
    if (!ct.isConfirmed() && !this.tcpNew(ct, p)) return -NF_ACCEPT;
    const tcp = ct.tcp;
    let oldState = tcp.state;
    const dir = ctinfoDir(ctinfo);
    const index = conntrackIndex(fl);
    let newState = TCP_CONNTRACK_TCP(dir, index, oldState);
    const seq = p.seq >>> 0;
    const ackSeq = p.ack >>> 0;
    let skipWindow = false;
    const ignored = () => {
      if (index === TCP_SYNACK_SET && tcp.lastIndex === TCP_SYN_SET && tcp.lastDir !== dir && ackSeq === tcp.lastEnd) {
        const ld = tcp.seen[tcp.lastDir];
        ld.end = tcp.lastEnd;
        ld.maxend = tcp.lastEnd;
        ld.maxwin = tcp.lastWin === 0 ? 1 : tcp.lastWin;
        ld.scale = tcp.lastWscale;
        tcp.lastFlags &= ~IP_CT_EXP_CHALLENGE_ACK;
        ld.flags = tcp.lastFlags;
        const s = tcp.seen[dir];
        s.end = 0;
        s.maxend = 0;
        s.maxwin = 0;
        s.maxack = 0;
        s.scale = 0;
        s.flags &= IP_CT_TCP_FLAG_BE_LIBERAL;
        return true;
      }
      tcp.lastIndex = index;
      tcp.lastDir = dir;
      tcp.lastSeq = seq;
      tcp.lastEnd = segEnd(p);
      tcp.lastWin = p.window;
      if (index === TCP_SYN_SET && dir === IP_CT_DIR_ORIGINAL) {
        const seen = newSeen();
        tcp.lastFlags = 0;
        tcp.lastWscale = 0;
        tcpOptions(p, seen);
        if (seen.flags & IP_CT_TCP_FLAG_WINDOW_SCALE) {
          tcp.lastFlags |= IP_CT_TCP_FLAG_WINDOW_SCALE;
          tcp.lastWscale = seen.scale;
        }
        if (seen.flags & IP_CT_TCP_FLAG_SACK_PERM) tcp.lastFlags |= IP_CT_TCP_FLAG_SACK_PERM;
        if (oldState === TCP_CONNTRACK_LAST_ACK) tcp.lastFlags |= IP_CT_EXP_CHALLENGE_ACK;
      }
      if (oldState === TCP_CONNTRACK_SYN_SENT && index === TCP_ACK_SET && dir === IP_CT_DIR_REPLY) tcp.lastAck = ackSeq;
      return false;
    };
    switch (newState) {
      case TCP_CONNTRACK_SYN_SENT:
        if (oldState < TCP_CONNTRACK_TIME_WAIT) break;
        if ((tcp.seen[dir].flags | tcp.seen[1 - dir].flags) & IP_CT_TCP_FLAG_CLOSE_INIT || tcp.lastDir === dir && tcp.lastIndex === TCP_RST_SET) {
          this.remove(ct, false);
          return -NF_REPEAT;
        }
        if (!ignored()) return NF_ACCEPT;
        oldState = TCP_CONNTRACK_SYN_SENT;
        newState = TCP_CONNTRACK_SYN_RECV;
        break;
      case sIG:
        if (!ignored()) return NF_ACCEPT;
        oldState = TCP_CONNTRACK_SYN_SENT;
        newState = TCP_CONNTRACK_SYN_RECV;
        break;
      case sIV:
        return -NF_ACCEPT;
      case TCP_CONNTRACK_TIME_WAIT:
        if (oldState === TCP_CONNTRACK_LAST_ACK && index === TCP_ACK_SET && tcp.lastDir !== dir && tcp.lastIndex === TCP_SYN_SET && tcp.lastFlags & IP_CT_EXP_CHALLENGE_ACK) {
          tcp.lastFlags &= ~IP_CT_EXP_CHALLENGE_ACK;
          return NF_ACCEPT;
        }
        break;
      case TCP_CONNTRACK_SYN_SENT2:
        tcp.lastFlags |= IP_CT_TCP_SIMULTANEOUS_OPEN;
        break;
      case TCP_CONNTRACK_SYN_RECV:
        if (dir === IP_CT_DIR_REPLY && index === TCP_ACK_SET && tcp.lastFlags & IP_CT_TCP_SIMULTANEOUS_OPEN)
          newState = TCP_CONNTRACK_ESTABLISHED;
        break;
      case TCP_CONNTRACK_CLOSE: {
        if (index !== TCP_RST_SET) break;
        if (tcpCanEarlyDrop(tcp.state)) {
          skipWindow = true;
          break;
        }
        const other = tcp.seen[1 - dir];
        if (other.flags & IP_CT_TCP_FLAG_MAXACK_SET && tcp.lastIndex !== TCP_SYN_SET) {
          const established = tcp.state === TCP_CONNTRACK_ESTABLISHED && (ct.status & IPS_ASSURED) !== 0;
          if (seq === 0 && !established) break;
          if (before(seq, other.maxack) && !this.sysctl("nf_conntrack_tcp_ignore_invalid_rst")) return -NF_ACCEPT;
          if (!established || seq === other.maxack) break;
          if (tcp.lastIndex === TCP_ACK_SET && tcp.lastDir === dir && seq === tcp.lastEnd) break;
          newState = oldState;
        }
        if ((ct.status & IPS_SEEN_REPLY && tcp.lastIndex === TCP_SYN_SET || !(ct.status & IPS_ASSURED) && tcp.lastIndex === TCP_ACK_SET) && ackSeq === tcp.lastEnd) {
          skipWindow = true;
          break;
        }
        if (oldState === TCP_CONNTRACK_SYN_SENT && tcp.lastIndex === TCP_ACK_SET && tcp.lastDir === IP_CT_DIR_REPLY && seq === tcp.lastAck) {
          skipWindow = true;
          break;
        }
        break;
      }
      default:
        break;
    }
    if (!skipWindow) {
      const res = this.tcpInWindow(ct, dir, index, p);
      if (res === "ignore") return NF_ACCEPT;
      if (res === "invalid") {
        this.tcpHandleInvalid(ct, dir, index, now);
        return -NF_ACCEPT;
      }
    }
    tcp.lastIndex = index;
    tcp.lastDir = dir;
    tcp.state = newState;
    if (oldState !== newState && newState === TCP_CONNTRACK_FIN_WAIT) tcp.seen[dir].flags |= IP_CT_TCP_FLAG_CLOSE_INIT;
    let timeout;
    const tNew = this.tcpTimeout(newState);
    const tRetrans = this.tcpTimeout(TCP_CONNTRACK_RETRANS);
    const tUnack = this.tcpTimeout(TCP_CONNTRACK_UNACK);
    if (tcp.retrans >= this.sysctl("nf_conntrack_tcp_max_retrans") && tNew > tRetrans) timeout = tRetrans;
    else if (index === TCP_RST_SET) timeout = this.tcpTimeout(TCP_CONNTRACK_CLOSE);
    else if ((tcp.seen[0].flags | tcp.seen[1].flags) & IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED && tNew > tUnack)
      timeout = tUnack;
    else if (tcp.lastWin === 0 && tNew > tRetrans) timeout = tRetrans;
    else timeout = tNew;
    if (newState !== oldState) this.eventCache(ct, IPCT_PROTOINFO);
    if (!(ct.status & IPS_SEEN_REPLY)) {
      if (fl & TCP_RST) {
        if (ct.isConfirmed()) this.killAcct(ct, ctinfo, p);
        else ct.status |= IPS_DYING;
        return NF_ACCEPT;
      }
      if (index === TCP_SYN_SET && oldState === TCP_CONNTRACK_SYN_SENT) return NF_ACCEPT;
      if (newState === TCP_CONNTRACK_ESTABLISHED && timeout > tUnack) timeout = tUnack;
    } else if (!(ct.status & IPS_ASSURED) && (oldState === TCP_CONNTRACK_SYN_RECV || oldState === TCP_CONNTRACK_ESTABLISHED) && newState === TCP_CONNTRACK_ESTABLISHED) {
      ct.status |= IPS_ASSURED;
      this.eventCache(ct, IPCT_ASSURED);
    }
    this.refreshAcct(ct, ctinfo, p, timeout, now);
    return NF_ACCEPT;
  }
  /** tcp_new(): the first packet of a connection. */
  tcpNew(ct, p) {
    const index = conntrackIndex(p.tcpFlags);
    const newState = TCP_CONNTRACKS[0][index][TCP_CONNTRACK_NONE];
    if (newState >= sIV) return false;
    const tcp = newTcp();
    const s = tcp.seen[0];
    if (newState === TCP_CONNTRACK_SYN_SENT) {
      s.end = segEnd(p);
      s.maxwin = p.window === 0 ? 1 : p.window;
      s.maxend = s.end;
      tcpOptions(p, s);
    } else if (this.sysctl("nf_conntrack_tcp_loose") === 0) {
      return false;
    } else {
      s.end = segEnd(p);
      s.maxwin = p.window === 0 ? 1 : p.window;
      s.maxend = u32(s.end + s.maxwin);
      s.flags = IP_CT_TCP_FLAG_SACK_PERM | IP_CT_TCP_FLAG_BE_LIBERAL;
      tcp.seen[1].flags = IP_CT_TCP_FLAG_SACK_PERM | IP_CT_TCP_FLAG_BE_LIBERAL;
    }
    tcp.lastIndex = TCP_NONE_SET;
    ct.tcp = tcp;
    return true;
  }
  /** tcp_in_window() */
  tcpInWindow(ct, dir, index, p) {
    const state = ct.tcp;
    const sender = state.seen[dir];
    const receiver = state.seen[1 - dir];
    let seq = p.seq >>> 0;
    let ack = p.ack >>> 0;
    let sack = ack;
    const winRaw = p.window;
    let win = winRaw;
    let end = segEnd(p);
    const liberal = sender.flags & IP_CT_TCP_FLAG_BE_LIBERAL || this.sysctl("nf_conntrack_tcp_be_liberal") !== 0;
    const logInvalid = (ret) => liberal ? "accept" : ret;
    const fl = p.tcpFlags;
    const syn = (fl & TCP_SYN) !== 0;
    const ackf = (fl & TCP_ACK) !== 0;
    const rst = (fl & TCP_RST) !== 0;
    if (receiver.flags & IP_CT_TCP_FLAG_SACK_PERM) sack = tcpSack(p, sack);
    if (sender.maxwin === 0) {
      if (syn) {
        tcpInitSender(sender, receiver, p, end, win, dir);
        if (!ackf) return "accept";
      } else {
        sender.end = end;
        const swin2 = u32(win << sender.scale);
        sender.maxwin = swin2 === 0 ? 1 : swin2;
        sender.maxend = u32(end + sender.maxwin);
        if (receiver.maxwin === 0) {
          receiver.end = sack;
          receiver.maxend = sack;
        } else if (sack === u32(receiver.end + 1)) {
          receiver.end = u32(receiver.end + 1);
        }
      }
    } else if (syn && after(end, sender.end) && (state.state === TCP_CONNTRACK_SYN_SENT || state.state === TCP_CONNTRACK_SYN_RECV)) {
      tcpInitSender(sender, receiver, p, end, win, dir);
      if (dir === IP_CT_DIR_REPLY && !ackf) return "accept";
    }
    if (!ackf) {
      ack = receiver.end;
      sack = receiver.end;
    } else if ((fl & (TCP_ACK | TCP_RST)) === (TCP_ACK | TCP_RST) && ack === 0) {
      ack = receiver.end;
      sack = receiver.end;
    }
    if (rst && seq === 0 && state.state === TCP_CONNTRACK_SYN_SENT) {
      seq = sender.end;
      end = sender.end;
    }
    const maxAckWin = sender.maxwin > 66e3 ? sender.maxwin : 66e3;
    const seqOk = before(seq, u32(sender.maxend + 1));
    if (!seqOk) {
      const overshot = u32(end - sender.maxend + 1);
      const ackOk = after(sack, u32(receiver.end - maxAckWin - 1));
      const inRecvWin2 = receiver.maxwin !== 0 && after(end, u32(sender.end - receiver.maxwin - 1));
      if (inRecvWin2 && ackOk && overshot <= receiver.maxwin && before(sack, u32(receiver.end + 1))) {
        sender.end = end;
        sender.flags |= IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED;
        return logInvalid("ignore");
      }
      return logInvalid("invalid");
    }
    if (!before(sack, u32(receiver.end + 1))) return logInvalid("invalid");
    const inRecvWin = receiver.maxwin === 0 || after(end, u32(sender.end - receiver.maxwin - 1));
    if (!inRecvWin) return logInvalid("ignore");
    if (!after(sack, u32(receiver.end - maxAckWin - 1))) return logInvalid("ignore");
    if (!syn) win = u32(win << sender.scale);
    const swin = u32(win + (sack - ack));
    if (sender.maxwin < swin) sender.maxwin = swin;
    if (after(end, sender.end)) {
      sender.end = end;
      sender.flags |= IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED;
    }
    if (ackf) {
      if (!(sender.flags & IP_CT_TCP_FLAG_MAXACK_SET)) {
        sender.maxack = ack;
        sender.flags |= IP_CT_TCP_FLAG_MAXACK_SET;
      } else if (after(ack, sender.maxack)) {
        sender.maxack = ack;
      }
    }
    if (receiver.maxwin !== 0 && after(end, sender.maxend))
      receiver.maxwin = u32(receiver.maxwin + (end - sender.maxend));
    if (after(u32(sack + win), u32(receiver.maxend - 1))) {
      receiver.maxend = u32(sack + win);
      if (win === 0) receiver.maxend = u32(receiver.maxend + 1);
    }
    if (ack === receiver.end) receiver.flags &= ~IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED;
    if (index === TCP_ACK_SET) {
      if (state.lastDir === dir && state.lastSeq === seq && state.lastAck === ack && state.lastEnd === end && state.lastWin === winRaw) {
        state.retrans++;
      } else {
        state.lastDir = dir;
        state.lastSeq = seq;
        state.lastAck = ack;
        state.lastEnd = end;
        state.lastWin = winRaw;
        state.retrans = 0;
      }
    }
    return "accept";
  }
  /** nf_tcp_handle_invalid(): an out-of-window FIN/RST shortens an assured entry's timeout. */
  tcpHandleInvalid(ct, dir, index, now) {
    const tcp = ct.tcp;
    if (!(ct.status & IPS_ASSURED) || ct.status & IPS_FIXED_TIMEOUT) return;
    if (index !== TCP_RST_SET && index !== TCP_FIN_SET) return;
    if (tcp.lastDir !== dir && (tcp.lastIndex === TCP_FIN_SET || tcp.lastIndex === TCP_RST_SET)) {
      const expires = ct.expiresNs(now);
      if (expires < 120 * SEC) return;
      const timeout = this.tcpTimeout(TCP_CONNTRACK_UNACK);
      if (expires > timeout) ct.timeout = now + timeout;
    } else {
      tcp.lastIndex = index;
      tcp.lastDir = dir;
    }
  }
  /** nf_confirm() / __nf_conntrack_confirm() at the end of POSTROUTING and INPUT. */
  confirm(p, nowNs) {
    this.lastNow = Math.max(this.lastNow, nowNs);
    const ct = p.ct;
    if (!ct || ct.isTemplate()) return true;
    if (!ct.isConfirmed()) {
      if (ctinfoDir(p.ctinfo) !== IP_CT_DIR_ORIGINAL) return true;
      if (ct.status & IPS_DYING) return true;
      for (const dir of [0, 1]) {
        const other = this.find(ct.tuple[dir], ct.zone, nowNs);
        if (other && other.ct !== ct) {
          const allowClash2 = ct.proto === IPPROTO_UDP || ct.proto === IPPROTO_UDPLITE || ct.proto === IPPROTO_ICMP;
          if (allowClash2 && tupleEqual(other.ct.tuple[0], ct.tuple[0]) && tupleEqual(other.ct.tuple[1], ct.tuple[1])) {
            p.ct = other.ct;
            this.stats.clash_resolve++;
            return true;
          }
          this.stats.insert_failed++;
          this.stats.drop++;
          return false;
        }
      }
      ct.timeout += nowNs;
      ct.status |= IPS_CONFIRMED;
      this.order.add(ct);
      this.hashAdd(ct);
      this.stats.insert++;
      this.eventCache(ct, ct.status & IPS_EXPECTED ? IPCT_RELATED : IPCT_NEW);
    }
    this.deliver(ct);
    return true;
  }
  /**
   * nf_ct_attach(): a packet the kernel makes in answer to `orig` (icmp_send,
   * REJECT's RST) belongs to orig's connection, in the other direction.
   */
  attach(nskb, orig) {
    if (!orig.ct && orig.ctinfo === 0) return;
    nskb.ct = orig.ct;
    nskb.ctinfo = ctinfoDir(orig.ctinfo) === IP_CT_DIR_ORIGINAL ? IP_CT_RELATED_REPLY : IP_CT_RELATED;
  }
  /** ct->mark changed by a rule (event IPCT_MARK when it really changed). */
  setMark(ct, mark) {
    if (ct.mark !== mark >>> 0) {
      ct.mark = mark >>> 0;
      this.eventCache(ct, IPCT_MARK);
    }
  }
  /** Deletes entries (conntrack -D). */
  deleteEntries(list) {
    for (const ct of list) this.remove(ct, true);
  }
  /** Alters the reply tuple (nf_conntrack_alter_reply) of an unconfirmed entry. */
  alterReply(ct, reply) {
    ct.tuple[1] = reply;
  }
  get now() {
    return this.lastNow;
  }
  /** The table as plain data (entries in order, pending events, statistics) for the state file. */
  snapshot() {
    const conn = (ct) => ({
      t: ct.tuple,
      status: ct.status,
      timeout: ct.timeout,
      mark: ct.mark,
      secmark: ct.secmark,
      labels: ct.labels === null ? null : ct.labels.toString(),
      zone: ct.zone,
      counters: ct.counters,
      tcp: ct.tcp,
      udp: ct.udpStreamTs,
      helper: ct.helper,
      ecache: ct.ecache,
      masq: ct.masqDev,
      id: ct.id
    });
    return {
      now: this.lastNow,
      conns: [...this.order].map(conn),
      events: this.events,
      stats: this.stats
    };
  }
  /** Loads what snapshot() wrote. */
  restore(data) {
    const d = data;
    this.hash.clear();
    this.order.clear();
    this.lastNow = d.now;
    for (const c of d.conns) {
      const ct = new Conn(this, c.t[0], c.t[1], c.id);
      ct.status = c.status;
      ct.timeout = c.timeout;
      ct.mark = c.mark;
      ct.secmark = c.secmark;
      ct.labels = c.labels === null ? null : BigInt(c.labels);
      ct.zone = c.zone;
      ct.counters = c.counters;
      ct.tcp = c.tcp;
      ct.udpStreamTs = c.udp;
      ct.helper = c.helper;
      ct.ecache = c.ecache;
      ct.masqDev = c.masq;
      this.order.add(ct);
      this.hashAdd(ct);
    }
    this.events = d.events;
    Object.assign(this.stats, d.stats);
  }
};
function TCP_CONNTRACK_TCP(dir, index, state) {
  return TCP_CONNTRACKS[dir][index][state];
}
function conntrackIndex(fl) {
  if (fl & TCP_RST) return TCP_RST_SET;
  if (fl & TCP_SYN) return fl & TCP_ACK ? TCP_SYNACK_SET : TCP_SYN_SET;
  if (fl & TCP_FIN) return TCP_FIN_SET;
  if (fl & TCP_ACK) return TCP_ACK_SET;
  return TCP_NONE_SET;
}
function tcpValidFlags(f) {
  const SYN = 2;
  const RST = 4;
  const ACK = 16;
  const FIN = 1;
  const URG = 32;
  return f === SYN || f === (SYN | URG) || f === (SYN | ACK) || f === RST || f === (RST | ACK) || f === (FIN | ACK) || f === (FIN | ACK | URG) || f === ACK || f === (ACK | URG);
}
function tcpCanEarlyDrop(state) {
  return state === TCP_CONNTRACK_FIN_WAIT || state === TCP_CONNTRACK_LAST_ACK || state === TCP_CONNTRACK_TIME_WAIT || state === TCP_CONNTRACK_CLOSE || state === TCP_CONNTRACK_CLOSE_WAIT;
}
function segEnd(p) {
  const dataLen = Math.max(0, wireLen(p) - p.ihl - p.l4HeaderLen);
  return u32(p.seq + dataLen + (p.tcpFlags & TCP_SYN ? 1 : 0) + (p.tcpFlags & TCP_FIN ? 1 : 0));
}
function tcpOptions(p, s) {
  const o = p.tcpOptions;
  if (!o || o.length === 0) return;
  s.scale = 0;
  s.flags &= IP_CT_TCP_FLAG_BE_LIBERAL;
  let i = 0;
  let length = o.length;
  while (length > 0) {
    const opcode = o[i++];
    if (opcode === 0) return;
    if (opcode === 1) {
      length--;
      continue;
    }
    if (length < 2) return;
    const opsize = o[i++];
    if (opsize < 2 || opsize > length) return;
    if (opcode === 4 && opsize === 2) s.flags |= IP_CT_TCP_FLAG_SACK_PERM;
    else if (opcode === 3 && opsize === 3) {
      s.scale = Math.min(o[i], 14);
      s.flags |= IP_CT_TCP_FLAG_WINDOW_SCALE;
    }
    i += opsize - 2;
    length -= opsize;
  }
}
function tcpSack(p, sack) {
  const o = p.tcpOptions;
  if (!o || o.length === 0) return sack;
  if (o.length === 12 && o[0] === 1 && o[1] === 1 && o[2] === 8 && o[3] === 10) return sack;
  let i = 0;
  let length = o.length;
  while (length > 0) {
    const opcode = o[i++];
    if (opcode === 0) return sack;
    if (opcode === 1) {
      length--;
      continue;
    }
    if (length < 2) return sack;
    const opsize = o[i++];
    if (opsize < 2 || opsize > length) return sack;
    if (opcode === 5 && opsize >= 10 && (opsize - 2) % 8 === 0) {
      for (let k = 0; k < opsize - 2; k += 8) {
        const b = i + k + 4;
        const tmp = u32(o[b] << 24 | o[b + 1] << 16 | o[b + 2] << 8 | o[b + 3]);
        if (after(tmp, sack)) sack = tmp;
      }
      return sack;
    }
    i += opsize - 2;
    length -= opsize;
  }
  return sack;
}
function tcpInitSender(sender, receiver, p, end, win, dir) {
  sender.end = end;
  sender.maxend = end;
  sender.maxwin = win === 0 ? 1 : win;
  tcpOptions(p, sender);
  if (dir === IP_CT_DIR_REPLY && !(sender.flags & IP_CT_TCP_FLAG_WINDOW_SCALE && receiver.flags & IP_CT_TCP_FLAG_WINDOW_SCALE)) {
    sender.scale = 0;
    receiver.scale = 0;
  }
}
function conntrackOf(p, shared) {
  const ct = p.ct;
  if (ct?.owner) return ct.owner;
  return shared.get(CONNTRACK_KEY);
}

// src/compat/getopt.ts
var NO_ARG = 0;
var REQUIRED_ARG = 1;
var OPTIONAL_ARG = 2;
function ch(c) {
  return c.charCodeAt(0);
}
var GETOPT_END = -1;
var GETOPT_NONOPT = 1;
var GETOPT_UNKNOWN = ch("?");
var GETOPT_MISSING = ch(":");
function parseOptstring(optstring) {
  const m = /* @__PURE__ */ new Map();
  let s = optstring;
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  if (s[0] === ":") s = s.slice(1);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let arg = NO_ARG;
    if (s[i + 1] === ":") {
      arg = REQUIRED_ARG;
      i++;
      if (s[i + 1] === ":") {
        arg = OPTIONAL_ARG;
        i++;
      }
    }
    if (!m.has(c)) m.set(c, { arg });
  }
  return m;
}
var optstringCache = /* @__PURE__ */ new Map();
var exactCache = /* @__PURE__ */ new WeakMap();
function exactIndex(opts) {
  let m = exactCache.get(opts);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    for (const o of opts) if (!m.has(o.name)) m.set(o.name, o);
    exactCache.set(opts, m);
  }
  return m;
}
var Getopt = class {
  argv;
  optind = 1;
  optarg = null;
  optopt = 0;
  nextchar = "";
  firstNonopt = 1;
  lastNonopt = 1;
  shorts;
  /** opterr: collect glibc's diagnostics (read them with takeErrors()). */
  printErrors = false;
  errors = "";
  ordering;
  constructor(argv, optstring) {
    this.argv = argv;
    this.ordering = optstring[0] === "-" ? "return-in-order" : optstring[0] === "+" ? "require-order" : "permute";
    let m = optstringCache.get(optstring);
    if (!m) {
      m = parseOptstring(optstring);
      optstringCache.set(optstring, m);
    }
    this.shorts = m;
  }
  /** Diagnostics printed since the last call. */
  takeErrors() {
    const e = this.errors;
    this.errors = "";
    return e;
  }
  err(msg) {
    if (this.printErrors) this.errors += `${this.argv[0]}: ${msg}
`;
  }
  /** One getopt_long() call over the current option table. */
  next(opts) {
    const argv = this.argv;
    const argc = argv.length;
    this.optarg = null;
    if (this.optind < 1) this.optind = 1;
    if (this.nextchar === "") {
      if (this.lastNonopt > this.optind) this.lastNonopt = this.optind;
      if (this.firstNonopt > this.optind) this.firstNonopt = this.optind;
      const isNonopt = (i) => argv[i][0] !== "-" || argv[i].length === 1;
      if (this.ordering === "permute") {
        if (this.firstNonopt !== this.lastNonopt && this.lastNonopt !== this.optind) this.exchange();
        else if (this.lastNonopt !== this.optind) this.firstNonopt = this.optind;
        while (this.optind < argc && isNonopt(this.optind)) this.optind++;
        this.lastNonopt = this.optind;
      }
      if (this.optind !== argc && argv[this.optind] === "--") {
        this.optind++;
        if (this.firstNonopt !== this.lastNonopt && this.lastNonopt !== this.optind) this.exchange();
        else if (this.firstNonopt === this.lastNonopt) this.firstNonopt = this.optind;
        this.lastNonopt = argc;
        this.optind = argc;
      }
      if (this.optind === argc) {
        if (this.firstNonopt !== this.lastNonopt) this.optind = this.firstNonopt;
        return GETOPT_END;
      }
      const cur = argv[this.optind];
      if (cur[0] !== "-" || cur.length === 1) {
        if (this.ordering !== "return-in-order") return GETOPT_END;
        this.optarg = cur;
        this.optind++;
        return GETOPT_NONOPT;
      }
      if (cur[1] === "-") {
        return this.longOption(cur.slice(2), opts);
      }
      this.nextchar = cur.slice(1);
    }
    const c = this.nextchar.charCodeAt(0);
    this.nextchar = this.nextchar.slice(1);
    const spec = this.shorts.get(c);
    if (this.nextchar === "") this.optind++;
    if (spec === void 0 || c === 58 || c === 59) {
      this.err(`invalid option -- '${String.fromCharCode(c)}'`);
      this.optopt = c;
      return GETOPT_UNKNOWN;
    }
    if (spec.arg === OPTIONAL_ARG) {
      if (this.nextchar !== "") {
        this.optarg = this.nextchar;
        this.optind++;
      } else {
        this.optarg = null;
      }
      this.nextchar = "";
    } else if (spec.arg === REQUIRED_ARG) {
      if (this.nextchar !== "") {
        this.optarg = this.nextchar;
        this.optind++;
      } else if (this.optind === argc) {
        this.err(`option requires an argument -- '${String.fromCharCode(c)}'`);
        this.optopt = c;
        this.nextchar = "";
        return GETOPT_MISSING;
      } else {
        this.optarg = argv[this.optind++];
      }
      this.nextchar = "";
    }
    return c;
  }
  /** glibc exchange(): moves the skipped non-options after the options just read. */
  exchange() {
    const a = this.argv;
    const nonopts = a.slice(this.firstNonopt, this.lastNonopt);
    const opts = a.slice(this.lastNonopt, this.optind);
    a.splice(this.firstNonopt, this.optind - this.firstNonopt, ...opts, ...nonopts);
    this.firstNonopt += this.optind - this.lastNonopt;
    this.lastNonopt = this.optind;
  }
  longOption(body2, opts) {
    const eq = body2.indexOf("=");
    const name = eq >= 0 ? body2.slice(0, eq) : body2;
    let found = exactIndex(opts).get(name);
    if (!found) {
      let ambiguous = false;
      const candidates = [];
      for (const o of opts) {
        if (!o.name.startsWith(name)) continue;
        candidates.push(o);
        if (!found) found = o;
        else if (found.hasArg !== o.hasArg || found.val !== o.val) ambiguous = true;
      }
      if (ambiguous) {
        this.err(`option '--${name}' is ambiguous; possibilities:${candidates.map((o) => ` '--${o.name}'`).join("")}`);
        this.optind++;
        this.optopt = 0;
        return GETOPT_UNKNOWN;
      }
    }
    if (!found) {
      this.err(`unrecognized option '--${body2}'`);
      this.optind++;
      this.optopt = 0;
      return GETOPT_UNKNOWN;
    }
    this.optind++;
    if (eq >= 0) {
      if (found.hasArg !== NO_ARG) {
        this.optarg = body2.slice(eq + 1);
      } else {
        this.err(`option '--${found.name}' doesn't allow an argument`);
        this.optopt = found.val;
        return GETOPT_UNKNOWN;
      }
    } else if (found.hasArg === REQUIRED_ARG) {
      if (this.optind < this.argv.length) {
        this.optarg = this.argv[this.optind++];
      } else {
        this.err(`option '--${found.name}' requires an argument`);
        this.optopt = found.val;
        return GETOPT_MISSING;
      }
    }
    return found.val;
  }
};

// src/compat/conntrack-tool.ts
var PROG = "conntrack";
var VERSION = "1.4.7";
var HEAD = `${PROG} v${VERSION} (conntrack-tools): `;
var TRYHELP = `Try \`${PROG} -h' or '${PROG} --help' for more information.
`;
var ToolExit = class extends Error {
  constructor(stderr, status) {
    super(stderr);
    this.stderr = stderr;
    this.status = status;
  }
  stderr;
  status;
};
function paramProblem(msg) {
  return new ToolExit(`${HEAD}${msg}
${TRYHELP}`, 2);
}
var O = {
  ORIG_SRC: 1 << 0,
  ORIG_DST: 1 << 1,
  REPL_SRC: 1 << 2,
  REPL_DST: 1 << 3,
  PROTO: 1 << 4,
  TIMEOUT: 1 << 5,
  STATUS: 1 << 6,
  ZERO: 1 << 7,
  EVENT_MASK: 1 << 8,
  EXP_SRC: 1 << 9,
  EXP_DST: 1 << 10,
  MASK_SRC: 1 << 11,
  MASK_DST: 1 << 12,
  NATRANGE: 1 << 13,
  MARK: 1 << 14,
  ID: 1 << 15,
  FAMILY: 1 << 16,
  SRC_NAT: 1 << 17,
  DST_NAT: 1 << 18,
  OUTPUT: 1 << 19,
  SECMARK: 1 << 20,
  BUFFERSIZE: 1 << 21,
  ANY_NAT: 1 << 22,
  ZONE: 1 << 23,
  LABEL: 1 << 24,
  ADD_LABEL: 1 << 25,
  DEL_LABEL: 1 << 26,
  ORIG_ZONE: 1 << 27,
  REPL_ZONE: 1 << 28
};
var OPTFLAGS = [
  "src",
  "dst",
  "reply-src",
  "reply-dst",
  "protonum",
  "timeout",
  "status",
  "zero",
  "event-mask",
  "tuple-src",
  "tuple-dst",
  "mask-src",
  "mask-dst",
  "nat-range",
  "mark",
  "id",
  "family",
  "src-nat",
  "dst-nat",
  "output",
  "secmark",
  "buffer-size",
  "any-nat",
  "zone",
  "label",
  "label-add",
  "label-del",
  "orig-zone",
  "reply-zone"
];
var CMD_OPTS = {
  L: "22222022000220202222202220022",
  I: "33331120000002200220000202022",
  U: "22222220000220222222000022200",
  D: "22222220000220222222000220022",
  G: "33331000000000020002000020000",
  F: "00000000000000002000000000000",
  E: "22222000200220202222222220022",
  V: "00000000000000000000000000000",
  h: "00002000000000000000000000000",
  expL: "00000000000000002002000000000",
  expI: "11221120011110000000000000000",
  expD: "11221000000000000000000000000",
  expG: "11221000000000000000000000000",
  expF: "00000000000000000000000000000",
  expE: "00000000000000000002000000000",
  C: "00000000000000000000000000000",
  expC: "00000000000000000000000000000",
  S: "00000000000000000000000000000",
  expS: "00000000000000000000000000000",
  A: "33331120000002200220000202022"
};
var OPTS_BASE = [
  { name: "dump", hasArg: OPTIONAL_ARG, val: ch("L") },
  { name: "create", hasArg: OPTIONAL_ARG, val: ch("I") },
  { name: "add", hasArg: OPTIONAL_ARG, val: ch("A") },
  { name: "delete", hasArg: OPTIONAL_ARG, val: ch("D") },
  { name: "update", hasArg: OPTIONAL_ARG, val: ch("U") },
  { name: "get", hasArg: OPTIONAL_ARG, val: ch("G") },
  { name: "flush", hasArg: OPTIONAL_ARG, val: ch("F") },
  { name: "event", hasArg: OPTIONAL_ARG, val: ch("E") },
  { name: "counter", hasArg: OPTIONAL_ARG, val: ch("C") },
  { name: "stats", hasArg: NO_ARG, val: ch("S") },
  { name: "version", hasArg: NO_ARG, val: ch("V") },
  { name: "help", hasArg: NO_ARG, val: ch("h") },
  { name: "orig-src", hasArg: REQUIRED_ARG, val: ch("s") },
  { name: "src", hasArg: REQUIRED_ARG, val: ch("s") },
  { name: "orig-dst", hasArg: REQUIRED_ARG, val: ch("d") },
  { name: "dst", hasArg: REQUIRED_ARG, val: ch("d") },
  { name: "reply-src", hasArg: REQUIRED_ARG, val: ch("r") },
  { name: "reply-dst", hasArg: REQUIRED_ARG, val: ch("q") },
  { name: "protonum", hasArg: REQUIRED_ARG, val: ch("p") },
  { name: "timeout", hasArg: REQUIRED_ARG, val: ch("t") },
  { name: "status", hasArg: REQUIRED_ARG, val: ch("u") },
  { name: "zero", hasArg: NO_ARG, val: ch("z") },
  { name: "event-mask", hasArg: REQUIRED_ARG, val: ch("e") },
  { name: "tuple-src", hasArg: REQUIRED_ARG, val: ch("[") },
  { name: "tuple-dst", hasArg: REQUIRED_ARG, val: ch("]") },
  { name: "mask-src", hasArg: REQUIRED_ARG, val: ch("{") },
  { name: "mask-dst", hasArg: REQUIRED_ARG, val: ch("}") },
  { name: "nat-range", hasArg: REQUIRED_ARG, val: ch("a") },
  { name: "mark", hasArg: REQUIRED_ARG, val: ch("m") },
  { name: "secmark", hasArg: REQUIRED_ARG, val: ch("c") },
  { name: "id", hasArg: OPTIONAL_ARG, val: ch("i") },
  { name: "family", hasArg: REQUIRED_ARG, val: ch("f") },
  { name: "src-nat", hasArg: OPTIONAL_ARG, val: ch("n") },
  { name: "dst-nat", hasArg: OPTIONAL_ARG, val: ch("g") },
  { name: "output", hasArg: REQUIRED_ARG, val: ch("o") },
  { name: "buffer-size", hasArg: REQUIRED_ARG, val: ch("b") },
  { name: "any-nat", hasArg: OPTIONAL_ARG, val: ch("j") },
  { name: "zone", hasArg: REQUIRED_ARG, val: ch("w") },
  { name: "label", hasArg: REQUIRED_ARG, val: ch("l") },
  { name: "label-add", hasArg: REQUIRED_ARG, val: ch("<") },
  { name: "label-del", hasArg: OPTIONAL_ARG, val: ch(">") },
  { name: "orig-zone", hasArg: REQUIRED_ARG, val: ch("(") },
  { name: "reply-zone", hasArg: REQUIRED_ARG, val: ch(")") }
];
var GETOPT_STR = ":LIUDGEFAhVs:d:r:q:p:t:u:e:a:z[:]:{:}:m:i:f:o:n::g::c:b:C::Sj::w:l:<:>::(:):";
var OPTION_OFFSET = 256;
var PORT_OPTS = [
  { name: "orig-port-src", hasArg: REQUIRED_ARG, id: 1 },
  { name: "orig-port-dst", hasArg: REQUIRED_ARG, id: 2 },
  { name: "reply-port-src", hasArg: REQUIRED_ARG, id: 3 },
  { name: "reply-port-dst", hasArg: REQUIRED_ARG, id: 4 },
  { name: "mask-port-src", hasArg: REQUIRED_ARG, id: 5 },
  { name: "mask-port-dst", hasArg: REQUIRED_ARG, id: 6 },
  { name: "tuple-port-src", hasArg: REQUIRED_ARG, id: 7 },
  { name: "tuple-port-dst", hasArg: REQUIRED_ARG, id: 8 },
  { name: "sport", hasArg: REQUIRED_ARG, id: 1 },
  { name: "dport", hasArg: REQUIRED_ARG, id: 2 }
];
var PROTOS = [
  {
    name: "tcp",
    num: 6,
    opts: [...PORT_OPTS, { name: "state", hasArg: REQUIRED_ARG, id: 9 }]
  },
  { name: "udp", num: 17, opts: PORT_OPTS },
  { name: "udplite", num: 136, opts: PORT_OPTS },
  { name: "sctp", num: 132, opts: PORT_OPTS },
  { name: "dccp", num: 33, opts: PORT_OPTS },
  {
    name: "icmp",
    num: 1,
    opts: [
      { name: "icmp-type", hasArg: REQUIRED_ARG, id: 1 },
      { name: "icmp-code", hasArg: REQUIRED_ARG, id: 2 },
      { name: "icmp-id", hasArg: REQUIRED_ARG, id: 3 }
    ]
  },
  { name: "icmpv6", num: 58, opts: [] },
  { name: "gre", num: 47, opts: [] }
];
var UNKNOWN_PROTO = { name: "unknown", num: 0, opts: [] };
var _O_XML = 1 << 0;
var _O_EXT = 1 << 1;
var _O_TMS = 1 << 2;
var _O_ID = 1 << 3;
var _O_KTMS = 1 << 4;
var _O_CL = 1 << 5;
var _O_SAVE = 1 << 6;
var CT_EVENT_F_NEW = 1;
var CT_EVENT_F_UPD = 2;
var CT_EVENT_F_DEL = 4;
var STATUS_PARAMS = [
  ["ASSURED", IPS_ASSURED],
  ["SEEN_REPLY", IPS_SEEN_REPLY],
  ["UNSET", 0],
  ["FIXED_TIMEOUT", IPS_FIXED_TIMEOUT],
  ["EXPECTED", IPS_EXPECTED],
  ["OFFLOAD", IPS_OFFLOAD],
  ["HW_OFFLOAD", IPS_HW_OFFLOAD]
];
var EVENT_PARAMS = [
  ["ALL", 7],
  ["NEW", CT_EVENT_F_NEW],
  ["UPDATES", CT_EVENT_F_UPD],
  ["DESTROY", CT_EVENT_F_DEL]
];
var OUTPUT_PARAMS = [
  ["xml", _O_XML],
  ["extended", _O_EXT],
  ["timestamp", _O_TMS],
  ["id", _O_ID],
  ["ktimestamp", _O_KTMS],
  ["labels", _O_CL],
  ["userspace", 0],
  ["save", _O_SAVE]
];
function prefixCase(str, param) {
  return param.slice(0, str.length).toLowerCase() === str.toLowerCase();
}
function doParseParameter(str, table, warn) {
  if (prefixCase(str, "SRC_NAT")) {
    warn.push("WARNING: ignoring SRC_NAT, use --src-nat instead\n");
    return 0;
  }
  if (prefixCase(str, "DST_NAT")) {
    warn.push("WARNING: ignoring DST_NAT, use --dst-nat instead\n");
    return 0;
  }
  for (const [name, v] of table) if (prefixCase(str, name)) return v;
  return void 0;
}
function parseParameter(arg, table, warn) {
  let v = 0;
  let rest = arg;
  for (; ; ) {
    const comma = rest.indexOf(",");
    if (comma < 0) break;
    const r2 = comma === 0 ? void 0 : doParseParameter(rest.slice(0, comma), table, warn);
    if (r2 === void 0) throw paramProblem(`Bad parameter \`${rest}'`);
    v |= r2;
    rest = rest.slice(comma + 1);
  }
  const r = rest.length === 0 ? void 0 : doParseParameter(rest, table, warn);
  if (r === void 0) throw paramProblem(`Bad parameter \`${rest}'`);
  return v | r;
}
function parseStatusMask(arg, warn) {
  let value = 0;
  let mask = 0;
  const parts = arg.split(",");
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i];
    const restText = parts.slice(i).join(",");
    if (p === "" && i < parts.length - 1) throw paramProblem(`Bad parameter \`${restText}'`);
    const negated = p.startsWith("!");
    if (negated) p = p.slice(1);
    if (!negated && p.startsWith("UNREPLIED")) {
      mask |= IPS_SEEN_REPLY;
      continue;
    }
    const r = p.length === 0 ? void 0 : doParseParameter(p, STATUS_PARAMS, warn);
    if (r === void 0) throw paramProblem(`Bad parameter \`${negated ? restText.slice(1) : restText}'`);
    if (negated) mask |= r;
    else value |= r;
  }
  return { value, mask: value | mask };
}
function cStrtoul(s) {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m) return void 0;
  let v = Number.parseInt(
    m[2],
    m[2].startsWith("0x") || m[2].startsWith("0X") ? 16 : m[2].startsWith("0") && m[2].length > 1 ? 8 : 10
  );
  if (m[1] === "-") v = -v;
  return { v, end: m[0].length };
}
function parseU32Mask(arg) {
  const a = cStrtoul(arg);
  if (!a || a.v < 0 || a.v > 4294967295) return void 0;
  const rest = arg.slice(a.end);
  if (rest === "") return { value: a.v >>> 0, mask: 4294967295 };
  if (rest[0] !== "/") return void 0;
  const b = cStrtoul(rest.slice(1));
  if (!b || b.end !== rest.length - 1) return void 0;
  return { value: a.v >>> 0, mask: b.v >>> 0 };
}
function atoi(s) {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number.parseInt(m[1], 10) | 0 : 0;
}
function parseAddr(arg) {
  let buf = arg.slice(0, 45);
  let mask = -1;
  const slash = buf.indexOf("/");
  if (slash >= 0) {
    const m = buf.slice(slash + 1);
    const parsed = /^[+-]?\d+/.exec(m);
    const n = parsed ? Number.parseInt(parsed[0], 10) : 0;
    mask = n < 0 || (parsed ? parsed[0].length : 0) !== m.length ? -2 : n;
    buf = buf.slice(0, slash);
  }
  const a = inetAton(buf);
  if (a !== void 0) {
    if (mask > 32) mask = -2;
    return { family: 2, addr: a >>> 0, mask };
  }
  if (buf.includes(":") && /^[0-9a-fA-F:.]+$/.test(buf)) return { family: 10, addr: 0, mask };
  return { family: 0, addr: 0, mask };
}
function protoName(num) {
  const names = {
    6: "tcp",
    17: "udp",
    136: "udplite",
    1: "icmp",
    58: "icmpv6",
    132: "sctp",
    47: "gre",
    33: "dccp"
  };
  return names[num] ?? "unknown";
}
function ip(a) {
  return `${a >>> 24}.${a >>> 16 & 255}.${a >>> 8 & 255}.${a & 255}`;
}
function tupleText(t) {
  let s = `src=${ip(t.src)} dst=${ip(t.dst)} `;
  switch (t.proto) {
    case 6:
    case 17:
    case 136:
    case 132:
    case 33:
      s += `sport=${t.sport} dport=${t.dport} `;
      break;
    case 47:
      s += "srckey=0x0 dstkey=0x0 ";
      break;
    case 1:
      s += `type=${t.type} code=${t.code} id=${t.sport} `;
      break;
  }
  return s;
}
function viewOf(ct, now) {
  return {
    orig: ct.tuple[0],
    reply: ct.tuple[1],
    status: ct.status,
    timeout: Math.floor(ct.expiresNs(now) / 1e9),
    tcpState: ct.tcp ? ct.tcp.state : void 0,
    mark: ct.mark,
    zone: ct.zone,
    counters: ct.counters,
    use: 1,
    id: ct.id,
    helper: ct.helper
  };
}
function viewOfEvent(e) {
  return {
    orig: e.orig,
    reply: e.reply,
    status: e.status,
    timeout: e.timeout,
    tcpState: e.tcpState,
    mark: e.mark !== 0 ? e.mark : void 0,
    zone: e.zone,
    counters: e.type === "DESTROY" ? e.counters : null,
    use: void 0,
    id: e.id,
    helper: "",
    userspace: e.userspace
  };
}
function formatDefault(v, msgType, output) {
  let s = "";
  if (msgType) s += `${`[${msgType}]`.padStart(9)} `;
  if (output & _O_EXT) s += "ipv4     2 ";
  s += `${protoName(v.orig.proto).padEnd(8)} ${v.orig.proto} `;
  if (v.timeout !== void 0) s += `${v.timeout} `;
  if (v.tcpState !== void 0) s += `${TCP_STATE_NAMES[v.tcpState] ?? "NONE"} `;
  s += tupleText(v.orig);
  const zid = (dir) => v.zone.dir & dir && v.zone.dir !== NF_CT_DEFAULT_ZONE_DIR && v.zone.id ? v.zone.id : void 0;
  const zo = zid(NF_CT_ZONE_DIR_ORIG);
  if (zo !== void 0) s += `zone-orig=${zo} `;
  if (v.counters) s += `packets=${v.counters[0].packets} bytes=${v.counters[0].bytes} `;
  if (!(v.status & IPS_SEEN_REPLY)) s += "[UNREPLIED] ";
  s += tupleText(v.reply);
  const zr = zid(NF_CT_ZONE_DIR_REPL);
  if (zr !== void 0) s += `zone-reply=${zr} `;
  if (v.counters) s += `packets=${v.counters[1].packets} bytes=${v.counters[1].bytes} `;
  if (v.status & IPS_HW_OFFLOAD) s += "[HW_OFFLOAD] ";
  else if (v.status & IPS_OFFLOAD) s += "[OFFLOAD] ";
  else if (v.status & IPS_ASSURED) s += "[ASSURED] ";
  if (v.mark !== void 0) s += `mark=${v.mark} `;
  if (v.zone.dir === NF_CT_DEFAULT_ZONE_DIR && v.zone.id) s += `zone=${v.zone.id} `;
  if (v.helper) s += `helper=${v.helper} `;
  if (v.use !== void 0) s += `use=${v.use} `;
  if (output & _O_ID) s += `id=${v.id >>> 0} `;
  return s.slice(0, -1);
}
function xmlTuple(dir, t) {
  let s = `<meta direction="${dir}"><layer3 protonum="2" protoname="ipv4"><src>${ip(t.src)}</src><dst>${ip(t.dst)}</dst></layer3>`;
  s += `<layer4 protonum="${t.proto}" protoname="${protoName(t.proto)}">`;
  if (t.proto === 6 || t.proto === 17 || t.proto === 136 || t.proto === 132 || t.proto === 33)
    s += `<sport>${t.sport}</sport><dport>${t.dport}</dport>`;
  return `${s}</layer4></meta>`;
}
function formatXml(v, msgType) {
  const typeAttr = msgType === "NEW" ? ' type="new"' : msgType === "UPDATE" ? ' type="update"' : msgType === "DESTROY" ? ' type="destroy"' : "";
  let s = `<flow${typeAttr}>${xmlTuple("original", v.orig)}${xmlTuple("reply", v.reply)}<meta direction="independent">`;
  if (v.tcpState !== void 0) s += `<state>${TCP_STATE_NAMES[v.tcpState]}</state>`;
  if (v.timeout !== void 0) s += `<timeout>${v.timeout}</timeout>`;
  if (v.mark !== void 0) s += `<mark>${v.mark}</mark>`;
  if (v.zone.id && v.zone.dir === NF_CT_DEFAULT_ZONE_DIR) s += `<zone>${v.zone.id}</zone>`;
  if (v.use !== void 0) s += `<use>${v.use}</use>`;
  s += `<id>${v.id >>> 0}</id>`;
  if (v.status & IPS_ASSURED) s += "<assured/>";
  if (!(v.status & IPS_SEEN_REPLY)) s += "<unreplied/>";
  return `${s}</meta></flow>`;
}
function l4srcAll(t) {
  return t.proto === 1 ? t.sport : t.sport;
}
function l4dstAll(t) {
  return t.proto === 1 ? (t.type << 8 | t.code) & 65535 : t.dport;
}
var isSnat = (v) => (v.status & IPS_SRC_NAT_DONE) !== 0 && v.reply.dst !== v.orig.src;
var isDnat = (v) => (v.status & IPS_DST_NAT_DONE) !== 0 && v.reply.src !== v.orig.dst;
var isSpat = (v) => (v.status & IPS_SRC_NAT_DONE) !== 0 && l4srcAll(v.orig) !== l4dstAll(v.reply);
var isDpat = (v) => (v.status & IPS_DST_NAT_DONE) !== 0 && l4dstAll(v.orig) !== l4srcAll(v.reply);
function filterNat(options, f, v) {
  let checkSrc = (options & O.SRC_NAT) !== 0;
  let checkDst = (options & O.DST_NAT) !== 0;
  if (options & O.ANY_NAT) checkSrc = checkDst = true;
  let hasSrc = false;
  let hasDst = false;
  if (checkSrc) {
    let checkAddr = false;
    let checkPort = false;
    if (f.snatIp !== void 0) {
      checkAddr = true;
      if (isSnat(v) && f.snatIp === v.reply.dst) hasSrc = true;
    }
    if (f.snatPort !== void 0) {
      checkPort = true;
      const ret = isSpat(v) && f.snatPort === v.reply.dport;
      if (checkAddr && hasSrc && !ret) hasSrc = false;
      if (!checkAddr && ret) hasSrc = true;
    }
    if (!checkAddr && !checkPort && (isSnat(v) || isSpat(v))) hasSrc = true;
  }
  if (checkDst) {
    let checkAddr = false;
    let checkPort = false;
    if (f.dnatIp !== void 0) {
      checkAddr = true;
      if (isDnat(v) && f.dnatIp === v.reply.src) hasDst = true;
    }
    if (f.dnatPort !== void 0) {
      checkPort = true;
      const ret = isDpat(v) && f.dnatPort === v.reply.sport;
      if (checkAddr && hasDst && !ret) hasDst = false;
      if (!checkAddr && ret) hasDst = true;
    }
    if (!checkAddr && !checkPort && (isDnat(v) || isDpat(v))) hasDst = true;
  }
  if (options & O.ANY_NAT) return !(hasSrc || hasDst);
  if (options & O.SRC_NAT && options & O.DST_NAT) return !(hasSrc && hasDst);
  if (options & O.SRC_NAT) return !hasSrc;
  if (options & O.DST_NAT) return !hasDst;
  return false;
}
function selected(options, f, v) {
  if (f.family === "ipv6") return false;
  if (filterNat(options, f, v)) return false;
  if (f.mark && ((v.mark ?? 0) & f.mark.mask) >>> 0 !== f.mark.value) return false;
  if (f.maskSrc && (v.orig.src & f.maskSrc.mask) >>> 0 !== f.maskSrc.net) return false;
  if (f.maskDst && (v.orig.dst & f.maskDst.mask) >>> 0 !== f.maskDst.net) return false;
  if (f.status && (v.status & f.status.mask) !== f.status.value) return false;
  if (f.proto !== void 0 && v.orig.proto !== f.proto) return false;
  if (f.origSrc !== void 0 && v.orig.src !== f.origSrc) return false;
  if (f.origDst !== void 0 && v.orig.dst !== f.origDst) return false;
  if (f.replSrc !== void 0 && v.reply.src !== f.replSrc) return false;
  if (f.replDst !== void 0 && v.reply.dst !== f.replDst) return false;
  const ports = v.orig.proto !== 1;
  if (f.origSport !== void 0 && (!ports || v.orig.sport !== f.origSport)) return false;
  if (f.origDport !== void 0 && (!ports || v.orig.dport !== f.origDport)) return false;
  if (f.replSport !== void 0 && (!ports || v.reply.sport !== f.replSport)) return false;
  if (f.replDport !== void 0 && (!ports || v.reply.dport !== f.replDport)) return false;
  if (f.tcpState !== void 0 && v.tcpState !== f.tcpState) return false;
  if (f.icmpType !== void 0 && (v.orig.proto !== 1 || v.orig.type !== f.icmpType)) return false;
  if (f.icmpCode !== void 0 && (v.orig.proto !== 1 || v.orig.code !== f.icmpCode)) return false;
  if (f.icmpId !== void 0 && (v.orig.proto !== 1 || v.orig.sport !== f.icmpId)) return false;
  if (f.zone !== void 0 && (v.zone.dir === NF_CT_DEFAULT_ZONE_DIR ? v.zone.id : 0) !== f.zone) return false;
  return true;
}
var USAGE = "Command line interface for the connection tracking system. Version 1.4.7\nUsage: conntrack [commands] [options]\n\nCommands:\n  -L [table] [options]		List conntrack or expectation table\n  -G [table] parameters		Get conntrack or expectation\n  -D [table] parameters		Delete conntrack or expectation\n  -I [table] parameters		Create a conntrack or expectation\n  -U [table] parameters		Update a conntrack\n  -E [table] [options]		Show events\n  -F [table]			Flush table\n  -C [table]			Show counter\n  -S				Show statistics\n\nTables: conntrack, expect, dying, unconfirmed\n\nConntrack parameters and options:\n  -n, --src-nat ip			source NAT ip\n  -g, --dst-nat ip			destination NAT ip\n  -j, --any-nat ip			source or destination NAT ip\n  -m, --mark mark			Set mark\n  -c, --secmark secmark			Set selinux secmark\n  -e, --event-mask eventmask		Event mask, eg. NEW,DESTROY\n  -z, --zero 				Zero counters while listing\n  -o, --output type[,...]		Output format, eg. xml\n  -l, --label label[,...]		conntrack labels\n\nExpectation parameters and options:\n  --tuple-src ip	Source address in expect tuple\n  --tuple-dst ip	Destination address in expect tuple\n\nUpdating parameters and options:\n  --label-add label	Add label\n  --label-del label	Delete label\n\nCommon parameters and options:\n  -s, --src, --orig-src ip		Source address from original direction\n  -d, --dst, --orig-dst ip		Destination address from original direction\n  -r, --reply-src ip		Source addres from reply direction\n  -q, --reply-dst ip		Destination address from reply direction\n  -p, --protonum proto		Layer 4 Protocol, eg. 'tcp'\n  -f, --family proto		Layer 3 Protocol, eg. 'ipv6'\n  -t, --timeout timeout		Set timeout\n  -u, --status status		Set status, eg. ASSURED\n  -w, --zone value		Set conntrack zone\n  --orig-zone value		Set zone for original direction\n  --reply-zone value		Set zone for reply direction\n  -b, --buffer-size		Netlink socket buffer size\n  --mask-src ip			Source mask address\n  --mask-dst ip			Destination mask address\n\n";
function checkType(g) {
  let table = g.optarg;
  if (table === null && g.optind < g.argv.length && g.argv[g.optind][0] !== "-" && g.argv[g.optind][0] !== "!") {
    table = g.argv[g.optind];
    g.optind++;
  }
  if (table === null) return "conntrack";
  const pre = (full) => full.startsWith(table);
  if (pre("expect")) return "expect";
  if (pre("conntrack")) return "conntrack";
  if (pre("dying")) return "dying";
  if (pre("unconfirmed")) return "unconfirmed";
  throw paramProblem(`unknown type \`${table}'`);
}
function optionalArg(g) {
  if (g.optarg) return null;
  if (g.optind < g.argv.length && g.argv[g.optind][0] !== "-" && g.argv[g.optind][0] !== "!")
    return g.argv[g.optind++];
  return null;
}
function runConntrack(ct, args, nowNs) {
  try {
    return run(ct, args, nowNs);
  } catch (e) {
    if (e instanceof ToolExit) return { stdout: "", stderr: e.stderr, status: e.status };
    throw e;
  }
}
function run(ct, args, nowNs) {
  const argv = [PROG, ...args];
  const g = new Getopt(argv, GETOPT_STR);
  let opts = OPTS_BASE;
  let command = null;
  let options = 0;
  const f = {};
  let proto2 = null;
  let protoOffset = 0;
  let output = 0;
  let eventMask = 0;
  const warn = [];
  let family = 0;
  let table = "conntrack";
  const addCommand2 = (c) => {
    if (command) throw paramProblem("Invalid commands combination");
    command = c;
  };
  const setFamily = (fam) => {
    if (family === 0) family = fam;
    else if (family !== fam) throw paramProblem("mismatched address family");
  };
  for (; ; ) {
    const c = g.next(opts);
    if (c === GETOPT_END) break;
    const arg = g.optarg;
    const C = String.fromCharCode(c);
    switch (c) {
      case ch("L"): {
        table = checkType(g);
        addCommand2(table === "expect" ? "expL" : "L");
        break;
      }
      case ch("I"):
      case ch("D"):
      case ch("G"):
      case ch("F"):
      case ch("E"):
      case ch("V"):
      case ch("h"):
      case ch("C"):
      case ch("S"):
      case ch("U"):
      case ch("A"): {
        table = checkType(g);
        const exp = table === "expect";
        const map = exp ? {
          I: "expI",
          D: "expD",
          G: "expG",
          F: "expF",
          E: "expE",
          V: "V",
          h: "h",
          C: "expC",
          S: "expS",
          U: "U",
          A: "A"
        } : {
          I: "I",
          D: "D",
          G: "G",
          F: "F",
          E: "E",
          V: "V",
          h: "h",
          C: "C",
          S: "S",
          U: "U",
          A: "A"
        };
        addCommand2(map[C]);
        break;
      }
      case ch("s"):
      case ch("d"):
      case ch("r"):
      case ch("q"): {
        const bit = C === "s" ? O.ORIG_SRC : C === "d" ? O.ORIG_DST : C === "r" ? O.REPL_SRC : O.REPL_DST;
        options |= bit;
        const a = parseAddr(arg);
        if (a.family === 0) throw paramProblem(`Invalid IP address \`${arg}'`);
        setFamily(a.family);
        if (a.mask === -2) throw paramProblem(`Invalid netmask \`${arg}'`);
        if (a.family === 10) {
          f.family = "ipv6";
          break;
        }
        if (a.mask >= 0 && (C === "s" || C === "d")) {
          const mask = a.mask === 0 ? 0 : 4294967295 << 32 - a.mask >>> 0;
          const net = { net: (a.addr & mask) >>> 0, mask };
          if (C === "s") {
            options |= O.MASK_SRC;
            f.maskSrc = net;
          } else {
            options |= O.MASK_DST;
            f.maskDst = net;
          }
          break;
        }
        if (C === "s") f.origSrc = a.addr;
        else if (C === "d") f.origDst = a.addr;
        else if (C === "r") f.replSrc = a.addr;
        else f.replDst = a.addr;
        break;
      }
      case ch("p"): {
        options |= O.PROTO;
        const name = arg;
        let h = PROTOS.find((p) => p.name.toLowerCase() === name.toLowerCase());
        let num = h?.num;
        if (!h) {
          const byName2 = getProtoByName(name);
          if (byName2 !== void 0) {
            h = UNKNOWN_PROTO;
            num = byName2;
          } else {
            const n = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(name) ? Number(
              name.startsWith("0") && !/^0[xX]/.test(name) && name.length > 1 ? Number.parseInt(name, 8) : name
            ) : -1;
            if (n >= 0 && n <= 255) {
              h = PROTOS.find((p) => p.num === n) ?? UNKNOWN_PROTO;
              num = n;
            }
          }
        }
        if (!h || num === void 0) throw paramProblem(`\`${name}' unsupported protocol`);
        proto2 = h;
        f.proto = num;
        if (h.opts.length) {
          protoOffset = OPTION_OFFSET * Math.floor(opts.length > OPTS_BASE.length ? 2 : 1);
          opts = [
            ...opts,
            ...h.opts.map((o) => ({
              name: o.name,
              hasArg: o.hasArg,
              val: o.id + protoOffset
            }))
          ];
        }
        break;
      }
      case ch("t"):
        options |= O.TIMEOUT;
        break;
      case ch("u"): {
        options |= O.STATUS;
        f.status = parseStatusMask(arg, warn);
        break;
      }
      case ch("e"):
        options |= O.EVENT_MASK;
        eventMask = parseParameter(arg, EVENT_PARAMS, warn);
        break;
      case ch("o"):
        options |= O.OUTPUT;
        output |= parseParameter(arg, OUTPUT_PARAMS, warn);
        break;
      case ch("z"):
        options |= O.ZERO;
        break;
      case ch("n"):
      case ch("g"):
      case ch("j"): {
        options |= C === "n" ? O.SRC_NAT : C === "g" ? O.DST_NAT : O.ANY_NAT;
        const oa = optionalArg(g);
        if (oa) {
          let addr2 = oa;
          let port2;
          const colon = oa.indexOf(":");
          if (colon >= 0 && oa.indexOf(":", colon + 1) < 0) {
            addr2 = oa.slice(0, colon);
            port2 = oa.slice(colon + 1);
            if (port2 === "") throw paramProblem("No port specified after `:'");
            if (!/^\d+$/.test(port2) || Number(port2) > 65535) throw paramProblem(`Invalid port \`${port2}'`);
          }
          const a = parseAddr(addr2);
          if (a.family === 0) throw paramProblem(`Invalid IP address \`${addr2}'`);
          setFamily(a.family);
          if (C === "n" || C === "j") f.snatIp = a.addr;
          if (C === "g" || C === "j") f.dnatIp = a.addr;
          if (port2 !== void 0) {
            if (C === "n" || C === "j") f.snatPort = Number(port2);
            if (C === "g" || C === "j") f.dnatPort = Number(port2);
          }
        }
        break;
      }
      case ch("w"):
      case ch("("):
      case ch(")"): {
        options |= C === "w" ? O.ZONE : C === "(" ? O.ORIG_ZONE : O.REPL_ZONE;
        const v = cStrtoul(arg);
        if (C === "w") f.zone = (v?.v ?? 0) & 65535;
        break;
      }
      case ch("m"): {
        options |= O.MARK;
        const m = parseU32Mask(arg);
        if (!m) throw paramProblem(`invalid mark value \`${arg}'`);
        f.mark = { value: m.value, mask: m.mask };
        break;
      }
      case ch("c"):
        options |= O.SECMARK;
        break;
      case ch("i"):
        options |= O.ID;
        optionalArg(g);
        break;
      case ch("l"):
      case ch("<"):
      case ch(">"):
        options |= C === "l" ? O.LABEL : C === "<" ? O.ADD_LABEL : O.DEL_LABEL;
        throw paramProblem(`unknown label '${arg ?? ""}'`);
      case ch("a"):
        options |= O.NATRANGE;
        break;
      case ch("f"): {
        options |= O.FAMILY;
        if (arg.startsWith("ipv4")) {
          setFamily(2);
          f.family = "ipv4";
        } else if (arg.startsWith("ipv6")) {
          setFamily(10);
          f.family = "ipv6";
        } else throw paramProblem(`\`${arg}' unsupported protocol`);
        break;
      }
      case ch("b"):
        options |= O.BUFFERSIZE;
        break;
      case ch("["):
      case ch("]"):
      case ch("{"):
      case ch("}"):
        options |= C === "[" ? O.EXP_SRC : C === "]" ? O.EXP_DST : C === "{" ? O.MASK_SRC : O.MASK_DST;
        break;
      case GETOPT_MISSING:
        throw paramProblem(`option \`${argv[g.optind - 1]}' requires an argument`);
      case GETOPT_UNKNOWN:
        throw paramProblem(`unknown option \`${argv[g.optind - 1]}'`);
      default: {
        if (!proto2 || c < protoOffset) throw paramProblem("parse error");
        protoOpt(proto2, c - protoOffset, arg ?? "", f);
      }
    }
  }
  const out = [];
  const err = warn.join("");
  if (!command) return { stdout: USAGE, stderr: err, status: 0 };
  const cmd = command;
  const table2 = CMD_OPTS[cmd];
  if (table2) {
    for (let i = 0; i < OPTFLAGS.length; i++) {
      const legal = Number(table2[i]);
      if (!(options & 1 << i)) {
        if (legal === 1) throw paramProblem(`You need to supply the \`--${OPTFLAGS[i]}' option for this command`);
      } else if (legal === 0) {
        throw paramProblem(`Illegal option \`--${OPTFLAGS[i]}' with this command`);
      }
    }
  }
  const now = nowNs;
  const print = (v, type) => output & _O_XML ? formatXml(v, type) : formatDefault(v, type, output);
  switch (cmd) {
    case "V":
      return {
        stdout: `${PROG} v${VERSION} (conntrack-tools)
`,
        stderr: err,
        status: 0
      };
    case "h": {
      if (proto2 && proto2 !== UNKNOWN_PROTO)
        return {
          stdout: `${USAGE}Proto \`${proto2.name}' help:
`,
          stderr: err,
          status: 0
        };
      return { stdout: USAGE, stderr: err, status: 0 };
    }
    case "L": {
      const list = table === "dying" || table === "unconfirmed" ? [] : ct.entries(now);
      let n = 0;
      if (output & _O_XML) out.push('<?xml version="1.0" encoding="utf-8"?>\n<conntrack>\n');
      for (const e of list) {
        const v = viewOf(e, now);
        if (!selected(options, f, v)) continue;
        out.push(`${print(v, "")}
`);
        n++;
        if (options & O.ZERO && e.counters) for (const c of e.counters) c.packets = 0, c.bytes = 0;
      }
      if (output & _O_XML) out.push("</conntrack>\n");
      return {
        stdout: out.join(""),
        stderr: `${err}${HEAD}${n} flow entries have been shown.
`,
        status: 0
      };
    }
    case "expL":
      return {
        stdout: "",
        stderr: `${err}${HEAD}0 expectations have been shown.
`,
        status: 0
      };
    case "D": {
      const victims = [];
      for (const e of ct.entries(now)) {
        const v = viewOf(e, now);
        if (!selected(options, f, v)) continue;
        out.push(`${print(v, "")}
`);
        victims.push(e);
      }
      ct.deleteEntries(victims);
      return {
        stdout: out.join(""),
        stderr: `${err}${HEAD}${victims.length} flow entries have been deleted.
`,
        status: victims.length ? 0 : 1
      };
    }
    case "G": {
      let n = 0;
      for (const e of ct.entries(now)) {
        const v = viewOf(e, now);
        if (!selected(options, f, v)) continue;
        out.push(`${print(v, "")}
`);
        n++;
        break;
      }
      if (!n)
        return {
          stdout: "",
          stderr: `${err}${HEAD}such conntrack doesn't exist
`,
          status: 1
        };
      return {
        stdout: out.join(""),
        stderr: `${err}${HEAD}${n} flow entries have been shown.
`,
        status: 0
      };
    }
    case "F":
      ct.gc(now);
      ct.flush(true);
      return {
        stdout: "",
        stderr: `${err}${HEAD}connection tracking table has been emptied.
`,
        status: 0
      };
    case "expF":
      return {
        stdout: "",
        stderr: `${err}${HEAD}expectation table has been emptied.
`,
        status: 0
      };
    case "C":
      return { stdout: `${ct.count(now)}
`, stderr: err, status: 0 };
    case "expC":
      return { stdout: "0\n", stderr: err, status: 0 };
    case "S": {
      const s = ct.stats;
      const line = (cpu, st) => `cpu=${cpu}   	found=${st.found} invalid=${st.invalid} insert=${st.insert} insert_failed=${st.insert_failed} drop=${st.drop} early_drop=${st.early_drop} error=${st.error} search_restart=${st.search_restart} clash_resolve=${st.clash_resolve} chaintoolong=${st.chaintoolong} 
`;
      return { stdout: line(0, s), stderr: err, status: 0 };
    }
    case "E": {
      ct.gc(now);
      const mask = options & O.EVENT_MASK ? eventMask : 7;
      let n = 0;
      if (output & _O_XML) out.push('<?xml version="1.0" encoding="utf-8"?>\n<conntrack>\n');
      for (const e of ct.takeEvents()) {
        const bit = e.type === "NEW" ? CT_EVENT_F_NEW : e.type === "UPDATE" ? CT_EVENT_F_UPD : CT_EVENT_F_DEL;
        if (!(mask & bit)) continue;
        const v = viewOfEvent(e);
        if (!selected(options, f, v)) continue;
        let line = print(v, e.type);
        if (e.userspace && !(output & _O_XML)) line += " [USERSPACE] portid=0";
        out.push(`${line}
`);
        n++;
      }
      if (output & _O_XML) out.push("</conntrack>\n");
      return {
        stdout: out.join(""),
        stderr: `${err}${HEAD}${n} flow events have been shown.
`,
        status: 0
      };
    }
    case "expE":
      return {
        stdout: "",
        stderr: `${err}${HEAD}0 expectation events have been shown.
`,
        status: 0
      };
    default:
      return {
        stdout: "",
        stderr: `${err}${HEAD}Operation not supported
`,
        status: 1
      };
  }
}
function protoOpt(h, id, arg, f) {
  if (h.name === "icmp") {
    const v = atoi(arg);
    if (id === 1) f.icmpType = v & 255;
    else if (id === 2) f.icmpCode = v & 255;
    else if (id === 3) f.icmpId = v & 65535;
    return;
  }
  if (id === 9) {
    const s = TCP_STATE_NAMES.indexOf(arg);
    if (s < 0) throw paramProblem(`unknown TCP state \`${arg}'`);
    f.tcpState = s;
    return;
  }
  const port2 = atoi(arg) & 65535;
  if (id === 1) f.origSport = port2;
  else if (id === 2) f.origDport = port2;
  else if (id === 3) f.replSport = port2;
  else if (id === 4) f.replDport = port2;
}

// src/extensions/api.ts
var XTOPT_INVERT = 1 << 0;
var XTOPT_MAND = 1 << 1;
var XTOPT_MULTI = 1 << 2;
var XTOPT_PUT = 1 << 3;
var IPT_F_FRAG = 1;
var IPT_F_GOTO = 2;
var IPT_INV_VIA_IN = 1;
var IPT_INV_VIA_OUT = 2;
var IPT_INV_SRCIP = 8;
var IPT_INV_DSTIP = 16;
var IPT_INV_FRAG = 32;
var IPT_INV_PROTO = 64;
var NF_INET_PRE_ROUTING = 0;
var NF_INET_LOCAL_IN = 1;
var NF_INET_FORWARD = 2;
var NF_INET_LOCAL_OUT = 3;
var NF_INET_POST_ROUTING = 4;
var HOOK_PRE = 1 << NF_INET_PRE_ROUTING;
var HOOK_IN = 1 << NF_INET_LOCAL_IN;
var HOOK_FWD = 1 << NF_INET_FORWARD;
var HOOK_OUT = 1 << NF_INET_LOCAL_OUT;
var HOOK_POST = 1 << NF_INET_POST_ROUTING;
function defineMatch(m) {
  return { kind: "match", ...m };
}
function defineTarget(t) {
  return { kind: "target", ...t };
}

// src/engine/verdict.ts
var NF_DROP2 = 0;
var NF_ACCEPT2 = 1;
var NF_STOLEN = 2;
var NF_QUEUE = 3;
var XT_CONTINUE = -1;
var XT_RETURN = -5;

// src/engine/netfilter.ts
var K_NONE = 0;
var K_VERDICT = 1;
var K_JUMP = 2;
var K_GOTO = 3;
var K_TARGET = 4;
var K_RETURN = 5;
function ifaceSpec(name) {
  if (name.endsWith("+")) return { name: name.slice(0, -1), prefix: true };
  return { name, prefix: false };
}
var STANDARD_VERDICTS = { ACCEPT: NF_ACCEPT2, DROP: NF_DROP2, QUEUE: NF_QUEUE };
function compileTable(table) {
  const chains = [];
  const index = /* @__PURE__ */ new Map();
  for (const c of table.chains.values()) {
    index.set(c.name, chains.length);
    chains.push({ chain: c, rules: [] });
  }
  for (const cc of chains) {
    for (const rule of cc.chain.rules) cc.rules.push(compileRule(rule, cc.chain, index));
  }
  const base = [-1, -1, -1, -1, -1];
  if (table.exists) {
    for (let i = 0; i < chains.length; i++) {
      const c = chains[i].chain;
      if (c.hook >= 0 && c.present) base[c.hook] = i;
    }
  }
  return { table, chains, base };
}
var MissingSemantics = class extends Error {
  constructor(extension) {
    super(`the ${extension} extension has no packet semantics in iptwin yet`);
    this.extension = extension;
  }
  extension;
};
function compileRule(rule, chain, index) {
  const ip2 = rule.ip;
  const inI = ifaceSpec(ip2.iniface);
  const outI = ifaceSpec(ip2.outiface);
  const matches8 = [];
  for (const m of rule.matches) {
    if (!m.ext.compile) throw new MissingSemantics(m.ext.name);
    matches8.push(m.ext.compile(m.data, ip2));
  }
  let kind = K_NONE;
  let verdict = 0;
  let next = -1;
  let target = null;
  if (rule.target) {
    const name = rule.target.ext.name;
    if (name === "standard") {
      if (rule.jumpto === "RETURN") kind = K_RETURN;
      else if (rule.jumpto in STANDARD_VERDICTS) {
        kind = K_VERDICT;
        verdict = STANDARD_VERDICTS[rule.jumpto];
      }
    } else {
      if (!rule.target.ext.compile) throw new MissingSemantics(name);
      kind = K_TARGET;
      target = rule.target.ext.compile(rule.target.data, ip2);
    }
  } else if (rule.jumpto) {
    next = index.get(rule.jumpto) ?? -1;
    kind = ip2.flags & IPT_F_GOTO ? K_GOTO : K_JUMP;
  }
  return {
    rule,
    chain,
    src: ip2.src,
    smsk: ip2.smsk,
    dst: ip2.dst,
    dmsk: ip2.dmsk,
    proto: ip2.proto,
    flags: ip2.flags,
    invflags: ip2.invflags,
    inName: inI.name,
    inPrefix: inI.prefix,
    outName: outI.name,
    outPrefix: outI.prefix,
    matches: matches8,
    kind,
    verdict,
    next,
    target
  };
}
function ifaceMatch(dev, name, prefix) {
  if (prefix) return dev.startsWith(name);
  return dev === name;
}
function ipMatch(r, p) {
  const inv2 = r.invflags;
  if (r.smsk !== 0 || inv2 & IPT_INV_SRCIP) {
    if ((p.src & r.smsk) >>> 0 === r.src === ((inv2 & IPT_INV_SRCIP) !== 0)) return false;
  }
  if (r.dmsk !== 0 || inv2 & IPT_INV_DSTIP) {
    if ((p.dst & r.dmsk) >>> 0 === r.dst === ((inv2 & IPT_INV_DSTIP) !== 0)) return false;
  }
  if (r.inName !== "" || r.inPrefix) {
    if (ifaceMatch(p.inDev, r.inName, r.inPrefix) === ((inv2 & IPT_INV_VIA_IN) !== 0)) return false;
  }
  if (r.outName !== "" || r.outPrefix) {
    if (ifaceMatch(p.outDev, r.outName, r.outPrefix) === ((inv2 & IPT_INV_VIA_OUT) !== 0)) return false;
  }
  if (r.proto !== 0 || inv2 & IPT_INV_PROTO) {
    if (p.proto === r.proto === ((inv2 & IPT_INV_PROTO) !== 0)) return false;
  }
  if (r.flags & IPT_F_FRAG) {
    if (p.isFragment() === ((inv2 & IPT_INV_FRAG) !== 0)) return false;
  }
  return true;
}
function verdictText(v) {
  switch (v) {
    case NF_ACCEPT2:
      return "ACCEPT";
    case NF_DROP2:
      return "DROP";
    case NF_QUEUE:
      return "QUEUE";
    default:
      return String(v);
  }
}
function runHook(t, hook, p, ctx, trace) {
  const entry = t.base[hook];
  if (entry < 0) return NF_ACCEPT2;
  const tableName = t.table.name;
  let cc = t.chains[entry];
  let i = 0;
  const stack = [];
  ctx.hotdrop = false;
  for (; ; ) {
    const rules = cc.rules;
    if (i >= rules.length) {
      if (stack.length === 0) {
        const base = t.chains[entry].chain;
        const v = base.policy === "DROP" ? NF_DROP2 : NF_ACCEPT2;
        ctx.decided = { chain: base.name, rule: 0 };
        if (base.counting) {
          base.pcnt++;
          base.bcnt += p.len;
        }
        if (p.nfTrace && trace) trace({ table: tableName, chain: base.name, kind: "policy", verdict: verdictText(v) });
        return v;
      }
      if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "return", verdict: "RETURN" });
      [cc, i] = stack.pop();
      continue;
    }
    const r = rules[i];
    let ok = ipMatch(r, p);
    if (ok) {
      const ms = r.matches;
      for (let k = 0; k < ms.length; k++) {
        if (!ms[k](p, ctx)) {
          ok = false;
          break;
        }
      }
    }
    if (ctx.hotdrop) {
      ctx.decided = { chain: cc.chain.name, rule: i + 1 };
      return NF_DROP2;
    }
    if (!ok) {
      i++;
      continue;
    }
    r.rule.pcnt++;
    r.rule.bcnt += p.len;
    switch (r.kind) {
      case K_NONE:
        if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: "CONTINUE" });
        i++;
        continue;
      case K_VERDICT:
        if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: verdictText(r.verdict) });
        ctx.decided = { chain: cc.chain.name, rule: i + 1 };
        return r.verdict;
      case K_RETURN:
        if (p.nfTrace && trace) trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: "RETURN" });
        if (stack.length === 0) {
          i = rules.length;
          cc = t.chains[entry];
          i = cc.rules.length;
          continue;
        }
        [cc, i] = stack.pop();
        continue;
      case K_JUMP:
      case K_GOTO: {
        const target = t.chains[r.next];
        if (p.nfTrace && trace)
          trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: `${r.kind === K_JUMP ? "JUMP" : "GOTO"}:${target?.chain.name}` });
        if (!target) {
          i++;
          continue;
        }
        if (r.kind === K_JUMP) stack.push([cc, i + 1]);
        cc = target;
        i = 0;
        continue;
      }
      default: {
        const v = r.target(p, ctx);
        if (p.nfTrace && trace) {
          const name = v === XT_CONTINUE ? "CONTINUE" : v === XT_RETURN ? "RETURN" : verdictText(v);
          trace({ table: tableName, chain: cc.chain.name, kind: "rule", rule: r.rule, verdict: name });
        }
        if (ctx.hotdrop || v !== XT_CONTINUE && v !== XT_RETURN) ctx.decided = { chain: cc.chain.name, rule: i + 1 };
        if (ctx.hotdrop) return NF_DROP2;
        if (v === XT_CONTINUE) {
          i++;
          continue;
        }
        if (v === XT_RETURN) {
          if (stack.length === 0) {
            cc = t.chains[entry];
            i = cc.rules.length;
            continue;
          }
          [cc, i] = stack.pop();
          continue;
        }
        return v;
      }
    }
  }
}

// src/engine/ruleset.ts
var BUILTIN_TABLES = [
  { name: "mangle", hooks: [NF_INET_PRE_ROUTING, NF_INET_LOCAL_IN, NF_INET_FORWARD, NF_INET_LOCAL_OUT, NF_INET_POST_ROUTING] },
  { name: "security", hooks: [NF_INET_LOCAL_IN, NF_INET_FORWARD, NF_INET_LOCAL_OUT] },
  { name: "raw", hooks: [NF_INET_PRE_ROUTING, NF_INET_LOCAL_OUT] },
  { name: "filter", hooks: [NF_INET_LOCAL_IN, NF_INET_FORWARD, NF_INET_LOCAL_OUT] },
  { name: "nat", hooks: [NF_INET_PRE_ROUTING, NF_INET_LOCAL_IN, NF_INET_LOCAL_OUT, NF_INET_POST_ROUTING] }
];
var HOOK_NAMES = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];
function hookOfBuiltin(name) {
  return HOOK_NAMES.indexOf(name);
}
function findBuiltinTable(name) {
  return BUILTIN_TABLES.find((t) => t.name === name);
}
function newTable(def, exists) {
  const chains = /* @__PURE__ */ new Map();
  for (const h of def.hooks) {
    chains.set(HOOK_NAMES[h], freshBaseChain(h, exists));
  }
  return { name: def.name, exists, chains };
}
function freshBaseChain(hook, present) {
  return { name: HOOK_NAMES[hook], hook, present, counting: false, policy: "ACCEPT", pcnt: 0, bcnt: 0, rules: [] };
}
function newUserChain(name) {
  return { name, hook: -1, present: true, counting: false, policy: null, pcnt: 0, bcnt: 0, rules: [] };
}
function isBuiltinChain(c) {
  return c.hook >= 0;
}
function orderedChains(t) {
  const builtin = [];
  const user = [];
  for (const c of t.chains.values()) (c.hook >= 0 ? builtin : user).push(c);
  builtin.sort((a, b) => a.hook - b.hook);
  user.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return builtin.concat(user);
}
function cloneTable(t) {
  const chains = /* @__PURE__ */ new Map();
  for (const [k, c] of t.chains) chains.set(k, { ...c, rules: c.rules.slice() });
  return { name: t.name, exists: t.exists, chains, foreign: t.foreign?.slice(), hgen: t.hgen };
}
var Ruleset = class _Ruleset {
  tables = /* @__PURE__ */ new Map();
  constructor() {
    for (const def of BUILTIN_TABLES) this.tables.set(def.name, newTable(def, false));
  }
  table(name) {
    return this.tables.get(name);
  }
  clone() {
    const r = new _Ruleset();
    for (const [k, t] of this.tables) r.tables.set(k, cloneTable(t));
    return r;
  }
};

// src/extensions/common.ts
var NO_QUOTE = /^[_\-0-9a-zA-Z]+$/;
function saveString(value) {
  if (value.length > 0 && NO_QUOTE.test(value)) return ` ${value}`;
  return ` "${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}
function parsePort(port2, proto2) {
  const n = xtStrtouiWhole(port2, 0, 65535);
  if (n !== void 0) return n;
  const s = getServByName(port2, proto2);
  if (s !== void 0) return s;
  throw paramError(`invalid port/service \`${port2}' specified`);
}
function portName(port2, proto2, numeric) {
  if (numeric) return String(port2);
  return getServByPort(port2, proto2) ?? String(port2);
}
function hex(n) {
  return (n >>> 0).toString(16);
}
function printValMask(val, mask) {
  if (mask >>> 0 !== 4294967295) return ` 0x${hex(val)}/0x${hex(mask)}`;
  return ` 0x${hex(val)}`;
}
function formatMac(mac) {
  return mac.map((b) => b.toString(16).padStart(2, "0")).join(":");
}

// src/extensions/l4-common.ts
function protoCheck(proto2) {
  return (_data, ctx) => wrongProto(ctx.ip, proto2) ? { errno: "EINVAL" } : void 0;
}
function wrongProto(ip2, proto2) {
  return ip2.proto !== proto2 || (ip2.invflags & IPT_INV_PROTO) !== 0;
}
function printPortRange(name, pts, invert, numeric, proto2) {
  const [min, max] = pts;
  if (min === 0 && max === 65535 && !invert) return "";
  const inv2 = invert ? "!" : "";
  if (min === max) return ` ${name}:${inv2}${portName(min, proto2, numeric)}`;
  return ` ${name}s:${inv2}${portName(min, proto2, numeric)}:${portName(max, proto2, numeric)}`;
}
function savePortRange(opt, pts, invert) {
  const inv2 = invert ? " !" : "";
  return pts[0] !== pts[1] ? `${inv2} --${opt} ${pts[0]}:${pts[1]}` : `${inv2} --${opt} ${pts[0]}`;
}
function hex2(n) {
  return n.toString(16).padStart(2, "0");
}
function dataKey(data) {
  return JSON.stringify(data);
}
function rangeExpr(field2, lo, hi, invert) {
  if (lo === hi) return { kind: "cmp", field: field2, op: invert ? "neq" : "eq", port: lo };
  if (lo === 0 && hi < 65535) return { kind: "cmp", field: field2, op: invert ? "gt" : "lte", port: hi };
  return { kind: "range", field: field2, op: invert ? "neq" : "eq", from: lo, to: hi };
}
function portExprs(spts, invSrc, dpts, invDst) {
  const [s0, s1] = spts;
  const [d0, d1] = dpts;
  if (s0 && s0 === s1 && d0 && d0 === d1 && invSrc === invDst) {
    return [{ kind: "both", op: invSrc ? "neq" : "eq", sport: s0, dport: d0 }];
  }
  const out = [];
  if (s0 || s1 < 65535) out.push(rangeExpr("sport", s0, s1, invSrc));
  if (d0 || d1 < 65535) out.push(rangeExpr("dport", d0, d1, invDst));
  return out;
}
function singleToRange(ports, op, port2) {
  switch (op) {
    case "neq":
      ports[0] = port2;
      ports[1] = port2;
      return true;
    case "eq":
      ports[0] = port2;
      ports[1] = port2;
      break;
    case "lte":
      ports[1] = port2;
      break;
    case "gt":
      ports[0] = Math.min(port2 + 1, 65535);
      break;
  }
  return false;
}
function applyPortExprs(d, exprs, invSrc, invDst) {
  const out = { ...d, spts: d.spts.slice(), dpts: d.dpts.slice() };
  for (const e of exprs) {
    if (e.kind === "both") {
      if (singleToRange(out.spts, e.op, e.sport)) out.invflags |= invSrc;
      if (singleToRange(out.dpts, e.op, e.dport)) out.invflags |= invDst;
    } else if (e.kind === "cmp") {
      const src = e.field === "sport";
      if (singleToRange(src ? out.spts : out.dpts, e.op, e.port)) out.invflags |= src ? invSrc : invDst;
    } else {
      const src = e.field === "sport";
      if (e.op === "neq") out.invflags |= src ? invSrc : invDst;
      if (src) out.spts = [e.from, e.to];
      else out.dpts = [e.from, e.to];
    }
  }
  return out;
}

// src/extensions/pkt-util.ts
var PACKET_LOOPBACK = 5;
function totalLen(p) {
  return p.len > 0 ? p.len : p.ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
}
function l4Avail(p) {
  return totalLen(p) - p.ihl;
}
function fragOff(p) {
  return p.frag & IP_OFFMASK;
}
function rawL4(p) {
  return (p.frag & IP_OFFMASK) !== 0 || p.proto !== IPPROTO_TCP && p.proto !== IPPROTO_UDP && p.proto !== IPPROTO_ICMP;
}
function rawByte(p, off) {
  return p.payload?.[off] ?? 0;
}
function rawU16(p, off) {
  return rawByte(p, off) << 8 | rawByte(p, off + 1);
}
function rawU32(p, off) {
  return (rawByte(p, off) << 24 | rawByte(p, off + 1) << 16 | rawByte(p, off + 2) << 8 | rawByte(p, off + 3)) >>> 0;
}
function l4Port(p, which) {
  if (rawL4(p)) return rawU16(p, which * 2);
  if (p.proto === IPPROTO_ICMP) return which === 0 ? p.icmpType << 8 | p.icmpCode : 0;
  return which === 0 ? p.sport : p.dport;
}
function tcpFlagsByte(p) {
  return rawL4(p) || p.proto !== IPPROTO_TCP ? rawByte(p, 13) : p.tcpFlags;
}
function tcpHdrLen(p) {
  if (rawL4(p) || p.proto !== IPPROTO_TCP) return (rawByte(p, 12) >>> 4) * 4;
  return 20 + (p.tcpOptions?.length ?? 0);
}
function tcpOptByte(p, i) {
  if (rawL4(p) || p.proto !== IPPROTO_TCP) return rawByte(p, 20 + i);
  return p.tcpOptions?.[i] ?? 0;
}
function ifnameMatcher(spec) {
  if (spec === "") return () => true;
  if (spec.endsWith("+")) {
    const prefix = spec.slice(0, -1);
    return (name) => name.startsWith(prefix);
  }
  return (name) => name === spec;
}
function rol32(x, k) {
  return (x << k | x >>> 32 - k) >>> 0;
}
function jhash1word(a, initval) {
  const iv = initval + 3735928559 + 4 >>> 0;
  a = a + iv >>> 0;
  let b = iv;
  let c = iv;
  c = (c ^ b) - rol32(b, 14) >>> 0;
  a = (a ^ c) - rol32(c, 11) >>> 0;
  b = (b ^ a) - rol32(a, 25) >>> 0;
  c = (c ^ b) - rol32(b, 16) >>> 0;
  a = (a ^ c) - rol32(c, 4) >>> 0;
  b = (b ^ a) - rol32(a, 14) >>> 0;
  c = (c ^ b) - rol32(b, 24) >>> 0;
  return c;
}
function bswap32(x) {
  return ((x & 255) << 24 | (x & 65280) << 8 | x >>> 8 & 65280 | x >>> 24) >>> 0;
}

// src/extensions/icmp.ts
var IPT_ICMP_INV = 1;
var IPPROTO_ICMP2 = 1;
var ICMP_CODES = [
  ["any", 255, 0, 255],
  ["echo-reply", 0, 0, 255],
  ["pong", 0, 0, 255],
  ["destination-unreachable", 3, 0, 255],
  ["network-unreachable", 3, 0, 0],
  ["host-unreachable", 3, 1, 1],
  ["protocol-unreachable", 3, 2, 2],
  ["port-unreachable", 3, 3, 3],
  ["fragmentation-needed", 3, 4, 4],
  ["source-route-failed", 3, 5, 5],
  ["network-unknown", 3, 6, 6],
  ["host-unknown", 3, 7, 7],
  ["network-prohibited", 3, 9, 9],
  ["host-prohibited", 3, 10, 10],
  ["TOS-network-unreachable", 3, 11, 11],
  ["TOS-host-unreachable", 3, 12, 12],
  ["communication-prohibited", 3, 13, 13],
  ["host-precedence-violation", 3, 14, 14],
  ["precedence-cutoff", 3, 15, 15],
  ["source-quench", 4, 0, 255],
  ["redirect", 5, 0, 255],
  ["network-redirect", 5, 0, 0],
  ["host-redirect", 5, 1, 1],
  ["TOS-network-redirect", 5, 2, 2],
  ["TOS-host-redirect", 5, 3, 3],
  ["echo-request", 8, 0, 255],
  ["ping", 8, 0, 255],
  ["router-advertisement", 9, 0, 255],
  ["router-solicitation", 10, 0, 255],
  ["time-exceeded", 11, 0, 255],
  ["ttl-exceeded", 11, 0, 255],
  ["ttl-zero-during-transit", 11, 0, 0],
  ["ttl-zero-during-reassembly", 11, 1, 1],
  ["parameter-problem", 12, 0, 255],
  ["ip-header-bad", 12, 0, 0],
  ["required-option-missing", 12, 1, 1],
  ["timestamp-request", 13, 0, 255],
  ["timestamp-reply", 14, 0, 255],
  ["address-mask-request", 17, 0, 255],
  ["address-mask-reply", 18, 0, 255]
];
function parseRange(s, start, res) {
  const a = xtStrtoul(s.slice(start), 0, 255);
  if (!a.ok) return -1;
  let next = start + a.end;
  res[0] = a.value;
  res[1] = a.value;
  if (s[next] === ":") {
    const b = xtStrtoul(s.slice(next + 1), 0, 255);
    if (!b.ok) return -1;
    res[1] = b.value;
    next = next + 1 + b.end;
  }
  return next;
}
function parseIcmp(s) {
  const low = s.toLowerCase();
  let match = -1;
  for (let i = 0; i < ICMP_CODES.length; i++) {
    if (!ICMP_CODES[i][0].toLowerCase().startsWith(low)) continue;
    if (match >= 0) throw paramError(`Ambiguous ICMP type \`${s}': \`${ICMP_CODES[match][0]}' or \`${ICMP_CODES[i][0]}'?`);
    match = i;
  }
  if (match >= 0) {
    const [, type, lo, hi] = ICMP_CODES[match];
    return { type, code: [lo, hi] };
  }
  const types = [0, 0];
  let next = parseRange(s, 0, types);
  if (next < 0) throw paramError(`Unknown ICMP type \`${s}'`);
  const code2 = [0, 255];
  if (next < s.length) {
    if (s[next] !== "/") throw paramError(`unknown character ${s[next]}`);
    const codes = [0, 0];
    next = parseRange(s, next + 1, codes);
    if (next < 0) throw paramError(`Unknown ICMP code \`${s}'`);
    code2[0] = codes[0];
    code2[1] = codes[1];
    if (next < s.length) throw paramError(`unknown character ${s[next]}`);
  }
  if (types[0] !== types[1]) throw paramError("ICMP type range not supported");
  return { type: types[0], code: code2 };
}
function printType(type, lo, hi, invert, numeric) {
  if (!numeric) {
    const e = ICMP_CODES.find(([, t, a, b]) => t === type && a === lo && b === hi);
    if (e) return ` ${invert ? "!" : ""}${e[0]}`;
  }
  let out = invert ? " !" : "";
  out += `type ${type}`;
  if (lo === hi) out += ` code ${lo}`;
  else if (lo !== 0 || hi !== 255) out += ` codes ${lo}-${hi}`;
  return out;
}
function typeList() {
  let out = "";
  ICMP_CODES.forEach(([name, type, lo, hi], i) => {
    const prev = ICMP_CODES[i - 1];
    if (i && type === prev[1]) out += lo === prev[2] && hi === prev[3] ? ` (${name})` : `
   ${name}`;
    else out += `
${name}`;
  });
  return `${out}
`;
}
var icmpMatch = defineMatch({
  name: "icmp",
  revision: 0,
  options: [{ name: "icmp-type", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ type: 255, code: [0, 255], invflags: 0 }),
  parse(cb) {
    const r = parseIcmp(cb.arg);
    cb.data.type = r.type;
    cb.data.code = r.code;
    if (cb.invert) cb.data.invflags |= IPT_ICMP_INV;
  },
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_ICMP2) || d.invflags & ~IPT_ICMP_INV) return { errno: "EINVAL" };
    return void 0;
  },
  print(d, ctx) {
    let out = " icmp";
    out += printType(d.type, d.code[0], d.code[1], (d.invflags & IPT_ICMP_INV) !== 0, ctx.numeric);
    if (d.invflags & ~IPT_ICMP_INV) out += ` Unknown invflags: 0x${(d.invflags & ~IPT_ICMP_INV).toString(16).toUpperCase()}`;
    return out;
  },
  save(d) {
    let out = d.invflags & IPT_ICMP_INV ? " !" : "";
    if (d.type === 255) return `${out} --icmp-type any`;
    out += ` --icmp-type ${d.type}`;
    if (d.code[0] !== 0 || d.code[1] !== 255) out += `/${d.code[0]}`;
    return out;
  },
  compareKey: (d) => dataKey(d),
  compile(d) {
    const { type } = d;
    const [lo, hi] = d.code;
    const inv2 = (d.invflags & IPT_ICMP_INV) !== 0;
    return (p, ctx) => {
      if (fragOff(p) !== 0) return false;
      if (l4Avail(p) < 8) {
        ctx.hotdrop = true;
        return false;
      }
      if (type === 255) return !inv2;
      const raw = rawL4(p);
      const t = raw ? rawByte(p, 0) : p.icmpType;
      const c = raw ? rawByte(p, 1) : p.icmpCode;
      return (t === type && c >= lo && c <= hi) !== inv2;
    };
  },
  help: () => `icmp match options:
[!] --icmp-type typename	match icmp type
[!] --icmp-type type[/code]	(or numeric type or type/code)
Valid ICMP Types:${typeList()}`
});

// src/compat/packet-spec.ts
var SpecError = class extends Error {
  constructor(field2, message) {
    super(message);
    this.field = field2;
  }
  field;
};
var FLAG_LETTERS = {
  F: TCP_FIN,
  S: TCP_SYN,
  R: TCP_RST,
  P: TCP_PSH,
  A: TCP_ACK,
  ".": TCP_ACK,
  U: TCP_URG,
  E: TCP_ECE,
  C: TCP_CWR,
  W: TCP_CWR
};
var FLAG_NAMES = {
  FIN: TCP_FIN,
  SYN: TCP_SYN,
  RST: TCP_RST,
  PSH: TCP_PSH,
  ACK: TCP_ACK,
  URG: TCP_URG,
  ECE: TCP_ECE,
  CWR: TCP_CWR,
  ALL: 63,
  NONE: 0
};
function flagLetters(f) {
  let s = "";
  if (f & TCP_FIN) s += "F";
  if (f & TCP_SYN) s += "S";
  if (f & TCP_RST) s += "R";
  if (f & TCP_PSH) s += "P";
  if (f & TCP_ACK) s += "A";
  if (f & TCP_URG) s += "U";
  if (f & TCP_ECE) s += "E";
  if (f & TCP_CWR) s += "C";
  return s;
}
function parseFlagLetters(field2, s) {
  let f = 0;
  for (const ch2 of s.toUpperCase()) {
    const v = FLAG_LETTERS[ch2];
    if (v === void 0) throw new SpecError(field2, `unknown TCP flag letter '${ch2}' (use F S R P A U E C)`);
    f |= v;
  }
  return f;
}
function parseFlagNames(field2, s) {
  let f = 0;
  for (const part of s.split(",")) {
    const v = FLAG_NAMES[part.toUpperCase()];
    if (v === void 0) throw new SpecError(field2, `unknown TCP flag '${part}'`);
    f |= v;
  }
  return f;
}
function parseDotted(s) {
  let v = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return void 0;
      v = v * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return void 0;
    } else return void 0;
  }
  if (dots !== 3 || digits === 0) return void 0;
  return v * 256 + part;
}
function addr(field2, v, db) {
  if (typeof v !== "string") throw new SpecError(field2, "expected an IPv4 address as a string");
  const a = parseDotted(v);
  if (a !== void 0) return a;
  const names = db?.lookupHost(v);
  if (names?.length) return names[0];
  throw new SpecError(field2, `bad IPv4 address '${v}'`);
}
function int(field2, v, min, max) {
  let n;
  if (typeof v === "number") n = v;
  else if (typeof v === "string" && /^(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(v)) n = Number(v);
  else throw new SpecError(field2, `expected an integer, got ${JSON.stringify(v)}`);
  if (!Number.isInteger(n)) throw new SpecError(field2, `expected an integer, got ${JSON.stringify(v)}`);
  if (n < min || n > max) throw new SpecError(field2, `${n} out of range (${min}-${max})`);
  return n;
}
function proto(field2, v) {
  if (typeof v === "number") return int(field2, v, 0, 255);
  if (typeof v !== "string") throw new SpecError(field2, "expected a protocol name or number");
  const low = v.toLowerCase();
  if (low === "tcp") return IPPROTO_TCP;
  if (low === "udp") return IPPROTO_UDP;
  if (low === "icmp") return IPPROTO_ICMP;
  if (/^[0-9]+$/.test(v)) return int(field2, v, 0, 255);
  const n = getProtoByName(low);
  if (n === void 0) throw new SpecError(field2, `unknown protocol '${v}'`);
  return n;
}
function port(field2, v, protoName4) {
  if (typeof v === "string" && !/^[0-9]+$/.test(v)) {
    const n = getServByName(v, protoName4) ?? getServByName(v);
    if (n === void 0) throw new SpecError(field2, `unknown service '${v}'`);
    return n;
  }
  return int(field2, v, 0, 65535);
}
function parseIcmpType(field2, s) {
  const slash = s.indexOf("/");
  const head = slash >= 0 ? s.slice(0, slash) : s;
  const codeText = slash >= 0 ? s.slice(slash + 1) : void 0;
  let type;
  let code2 = 0;
  if (/^[0-9]+$/.test(head)) type = int(field2, head, 0, 255);
  else {
    const low = head.toLowerCase();
    const exact = ICMP_CODES.find(([n]) => n.toLowerCase() === low);
    const hits = exact ? [exact] : ICMP_CODES.filter(([n]) => n.toLowerCase().startsWith(low));
    if (hits.length === 0) throw new SpecError(field2, `unknown ICMP type '${head}'`);
    if (hits.length > 1)
      throw new SpecError(field2, `ambiguous ICMP type '${head}': '${hits[0][0]}' or '${hits[1][0]}'?`);
    const [, t, lo] = hits[0];
    if (t === 255) throw new SpecError(field2, "'any' is not a packet's ICMP type");
    type = t;
    code2 = lo;
  }
  if (codeText !== void 0) code2 = int(field2, codeText, 0, 255);
  return { type, code: code2 };
}
function boolField(field2, v) {
  if (typeof v !== "boolean") throw new SpecError(field2, "expected true or false");
  return v;
}
function protoNameOf(p) {
  return p === IPPROTO_UDP ? "udp" : "tcp";
}
var INNER_FIELDS = /* @__PURE__ */ new Set(["src", "dst", "proto", "sport", "dport", "type", "code"]);
function innerSpec(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new SpecError("inner", "expected an object");
  const o = v;
  const s = {};
  for (const k of Object.keys(o)) if (!INNER_FIELDS.has(k)) throw new SpecError(`inner.${k}`, "unknown field");
  if (o.src !== void 0) s.src = addr("inner.src", o.src);
  if (o.dst !== void 0) s.dst = addr("inner.dst", o.dst);
  if (o.proto !== void 0) s.proto = proto("inner.proto", o.proto);
  const pn = protoNameOf(s.proto);
  if (o.sport !== void 0) s.sport = port("inner.sport", o.sport, pn);
  if (o.dport !== void 0) s.dport = port("inner.dport", o.dport, pn);
  if (o.type !== void 0) s.type = int("inner.type", o.type, 0, 255);
  if (o.code !== void 0) s.code = int("inner.code", o.code, 0, 255);
  return s;
}
function specFromJson(o) {
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new SpecError("(line)", "expected a JSON object");
  const r = o;
  const s = {};
  let pv;
  for (const k in r) {
    const v = r[k];
    switch (k) {
      case "in":
        if (typeof v !== "string" || v === "") throw new SpecError(k, "expected an interface name");
        s.in = v;
        break;
      case "local":
        s.local = boolField(k, v);
        break;
      case "src":
        s.src = addr(k, v);
        break;
      case "dst":
        s.dst = addr(k, v);
        break;
      case "proto":
        s.proto = proto(k, v);
        break;
      case "sport":
      case "dport":
        pv = v;
        break;
      case "flags":
        if (typeof v !== "string") throw new SpecError(k, 'expected TCP flag letters, e.g. "SA"');
        s.flags = parseFlagLetters(k, v);
        break;
      case "type":
        if (typeof v === "string" && !/^[0-9]+$/.test(v)) {
          const t = parseIcmpType(k, v);
          s.type = t.type;
          if (s.code === void 0) s.code = t.code;
        } else s.type = int(k, v, 0, 255);
        break;
      case "code":
        s.code = int(k, v, 0, 255);
        break;
      case "id":
        s.id = int(k, v, 0, 65535);
        break;
      case "ipid":
        s.ipid = int(k, v, 0, 65535);
        break;
      case "seq":
        s.seq = int(k, v, 0, 4294967295);
        break;
      case "ack":
        s.ack = int(k, v, 0, 4294967295);
        break;
      case "window":
        s.window = int(k, v, 0, 65535);
        break;
      case "len":
        s.len = int(k, v, 20, 65535);
        break;
      case "ttl":
        s.ttl = int(k, v, 0, 255);
        break;
      case "tos":
        s.tos = int(k, v, 0, 255);
        break;
      case "mark":
        s.mark = int(k, v, 0, 4294967295);
        break;
      case "df":
        s.df = boolField(k, v);
        break;
      case "mac":
      case "macsrc": {
        const m = typeof v === "string" ? parseMac(v) : void 0;
        if (m === void 0) throw new SpecError(k, `bad MAC address ${JSON.stringify(v)}`);
        s.macSrc = m;
        break;
      }
      case "uid":
        s.uid = int(k, v, 0, 4294967294);
        break;
      case "gid":
        s.gid = int(k, v, 0, 4294967294);
        break;
      case "inner":
        s.inner = innerSpec(v);
        break;
      case "out":
        throw new SpecError(k, 'an input packet arrives ("in") or is local ("local"), it has no "out"');
      default:
        throw new SpecError(k, "unknown field");
    }
  }
  if (pv !== void 0) {
    const pn = protoNameOf(s.proto);
    if (r.sport !== void 0) s.sport = port("sport", r.sport, pn);
    if (r.dport !== void 0) s.dport = port("dport", r.dport, pn);
  }
  return s;
}
var SEND_OPTIONS_HELP = `Packet options (as iptables users write them):
  -i IFACE | --local         arriving on IFACE, or sent by the host itself
  -p tcp|udp|icmp|NUM        protocol (default tcp)
  -s ADDR  -d ADDR           source and destination
  --sport N  --dport N       ports (numbers or service names)
  --syn | --tcp-flags F,F    TCP flags set (SYN,ACK,FIN,RST,PSH,URG,ECE,CWR; default SYN)
  --seq N  --ack N  --window N
  --icmp-type NAME[/CODE]|TYPE[/CODE]   (default echo-request)
  --id N                     ICMP echo id (ICMP) or IP id (others); --ip-id N for the IP id
  --inner-src A --inner-dst A --inner-proto P --inner-sport N --inner-dport N   quoted packet of an ICMP error
  --len N                    IP total length (payload padded with zeros)
  --ttl N  --tos N  --mark N  --df  --mac-source MAC  --uid N  --gid N
`;
function specFromArgs(args, db) {
  const s = {};
  let sport;
  let dport;
  let innerSport;
  let innerDport;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === void 0) throw new SpecError(a, "needs a value");
      return v;
    };
    const inner = () => {
      s.inner ??= {};
      return s.inner;
    };
    switch (a) {
      case "-i":
      case "--in-interface":
        s.in = value();
        break;
      case "--local":
        s.local = true;
        break;
      case "-p":
      case "--protocol":
        s.proto = proto(a, value());
        break;
      case "-s":
      case "--source":
      case "--src":
        s.src = addr(a, value(), db);
        break;
      case "-d":
      case "--destination":
      case "--dst":
        s.dst = addr(a, value(), db);
        break;
      case "--sport":
      case "--source-port":
        sport = value();
        break;
      case "--dport":
      case "--destination-port":
        dport = value();
        break;
      case "--syn":
        s.flags = TCP_SYN;
        break;
      case "--tcp-flags":
        s.flags = parseFlagNames(a, value());
        break;
      case "--icmp-type": {
        const t = parseIcmpType(a, value());
        s.type = t.type;
        s.code = t.code;
        s.proto ??= IPPROTO_ICMP;
        break;
      }
      case "--id":
        s.id = int(a, value(), 0, 65535);
        break;
      case "--ip-id":
        s.ipid = int(a, value(), 0, 65535);
        break;
      case "--seq":
        s.seq = int(a, value(), 0, 4294967295);
        break;
      case "--ack":
        s.ack = int(a, value(), 0, 4294967295);
        break;
      case "--window":
        s.window = int(a, value(), 0, 65535);
        break;
      case "--len":
      case "--length":
        s.len = int(a, value(), 20, 65535);
        break;
      case "--ttl":
        s.ttl = int(a, value(), 0, 255);
        break;
      case "--tos":
        s.tos = int(a, value(), 0, 255);
        break;
      case "--mark":
        s.mark = int(a, value(), 0, 4294967295);
        break;
      case "--df":
        s.df = true;
        break;
      case "--mac-source": {
        const v = value();
        const m = parseMac(v);
        if (m === void 0) throw new SpecError(a, `bad MAC address '${v}'`);
        s.macSrc = m;
        break;
      }
      case "--uid":
      case "--uid-owner":
        s.uid = int(a, value(), 0, 4294967294);
        break;
      case "--gid":
      case "--gid-owner":
        s.gid = int(a, value(), 0, 4294967294);
        break;
      case "--inner-src":
        inner().src = addr(a, value(), db);
        break;
      case "--inner-dst":
        inner().dst = addr(a, value(), db);
        break;
      case "--inner-proto":
        inner().proto = proto(a, value());
        break;
      case "--inner-sport":
        innerSport = value();
        inner();
        break;
      case "--inner-dport":
        innerDport = value();
        inner();
        break;
      default:
        throw new SpecError(a, "unknown option");
    }
  }
  if (s.proto === void 0 && (sport !== void 0 || dport !== void 0 || s.flags !== void 0))
    s.proto = IPPROTO_TCP;
  const pn = protoNameOf(s.proto);
  if (sport !== void 0) s.sport = port("--sport", sport, pn);
  if (dport !== void 0) s.dport = port("--dport", dport, pn);
  if (s.inner) {
    const ipn = protoNameOf(s.inner.proto);
    if (innerSport !== void 0) s.inner.sport = port("--inner-sport", innerSport, ipn);
    if (innerDport !== void 0) s.inner.dport = port("--inner-dport", innerDport, ipn);
  }
  return s;
}
function isIcmpError(type) {
  return type === 3 || type === 4 || type === 5 || type === 11 || type === 12;
}
function isIcmpQuery(type) {
  return type === 0 || type === 8 || type === 13 || type === 14 || type === 17 || type === 18;
}
function l4Len(proto2) {
  return proto2 === IPPROTO_TCP ? 20 : proto2 === IPPROTO_UDP || proto2 === IPPROTO_ICMP ? 8 : 0;
}
function neighbourOf(net, dev) {
  const a = net.iface(dev)?.addrs[0];
  if (!a) return 167772162;
  if (a.plen >= 31) return a.addr ^ 1;
  const mask = cidrToMask(a.plen);
  const base = (a.addr & mask) >>> 0;
  const cand = base + 1 === a.addr ? base + 2 : base + 1;
  return cand >>> 0;
}
function buildPacket(s, net) {
  if (s.local && s.in !== void 0)
    throw new SpecError("in", "a packet either arrives on an interface or is local, not both");
  if (!s.local && s.in === void 0)
    throw new SpecError("in", 'say where the packet comes from: an interface (-i / "in") or --local');
  const iface = s.in !== void 0 ? net.iface(s.in) : void 0;
  if (s.in !== void 0 && !iface) throw new SpecError("in", `no interface '${s.in}' on this host`);
  const p = new Packet();
  p.proto = s.proto ?? IPPROTO_TCP;
  if (s.dst === void 0) {
    if (s.local) throw new SpecError("dst", "a local packet needs a destination (-d)");
    p.dst = iface?.addrs[0]?.addr ?? 2130706433;
  } else p.dst = s.dst;
  if (s.src !== void 0) p.src = s.src;
  else if (!s.local) p.src = neighbourOf(net, s.in);
  p.ttl = s.ttl ?? 64;
  p.tos = s.tos ?? 0;
  p.mark = s.mark ?? 0;
  if (s.df) p.frag = IP_DF;
  if (s.uid !== void 0) p.uid = s.uid;
  if (s.gid !== void 0) p.gid = s.gid;
  const icmp = p.proto === IPPROTO_ICMP;
  p.id = s.ipid ?? (!icmp && s.id !== void 0 ? s.id : 0);
  switch (p.proto) {
    case IPPROTO_TCP:
      p.sport = s.sport ?? 4e4;
      p.dport = s.dport ?? 80;
      p.tcpFlags = s.flags ?? TCP_SYN;
      p.seq = s.seq ?? 0;
      p.ack = s.ack ?? 0;
      p.window = s.window ?? 64240;
      break;
    case IPPROTO_UDP:
      p.sport = s.sport ?? 4e4;
      p.dport = s.dport ?? 53;
      break;
    case IPPROTO_ICMP:
      p.icmpType = s.type ?? 8;
      p.icmpCode = s.code ?? 0;
      if (isIcmpQuery(p.icmpType)) {
        if (s.seq !== void 0 && s.seq > 65535)
          throw new SpecError("seq", `${s.seq} out of range (0-65535) for ICMP`);
        p.icmpId = s.id ?? 1;
        p.icmpSeq = s.seq ?? 1;
        p.icmpRest = (p.icmpId << 16 | p.icmpSeq) >>> 0;
      }
      break;
    default:
      if (s.sport !== void 0 || s.dport !== void 0) {
        p.sport = s.sport ?? 0;
        p.dport = s.dport ?? 0;
        const b = new Uint8Array(4);
        b[0] = p.sport >>> 8;
        b[1] = p.sport & 255;
        b[2] = p.dport >>> 8;
        b[3] = p.dport & 255;
        p.payload = b;
      }
  }
  let min = 20 + l4Len(p.proto) + (p.payload?.length ?? 0);
  if (icmp && isIcmpError(p.icmpType)) {
    const q = s.inner ?? {};
    const inner = new Packet();
    inner.src = q.src ?? p.dst;
    inner.dst = q.dst ?? p.src;
    inner.proto = q.proto ?? IPPROTO_UDP;
    inner.ttl = 64;
    if (inner.proto === IPPROTO_TCP || inner.proto === IPPROTO_UDP) {
      inner.sport = q.sport ?? 4e4;
      inner.dport = q.dport ?? (inner.proto === IPPROTO_TCP ? 80 : 53);
      if (inner.proto === IPPROTO_TCP) inner.tcpFlags = TCP_SYN;
    } else if (inner.proto === IPPROTO_ICMP) {
      inner.icmpType = q.type ?? 8;
      inner.icmpCode = q.code ?? 0;
      inner.icmpId = q.sport ?? 1;
      inner.icmpSeq = 1;
    }
    inner.len = 20 + Math.max(8, l4Len(inner.proto));
    p.inner = inner;
    p.innerLen = inner.len - 20;
    min = 20 + 8 + inner.len;
  } else if (s.inner)
    throw new SpecError("inner", "only ICMP errors (destination-unreachable, time-exceeded, \u2026) quote a packet");
  if (s.len !== void 0 && s.len < min) throw new SpecError("len", `${s.len} is shorter than the headers (${min})`);
  p.len = s.len ?? min;
  if (icmp && p.inner && p.len > min) {
    p.inner.len += p.len - min;
    p.innerLen = p.inner.len - 20;
  }
  if (iface) {
    p.hasMac = true;
    p.macDst = iface.mac;
    p.macSrc = s.macSrc ?? 2199023255806;
    if (p.dst === 4294967295 || iface.addrs.some((a) => a.brd !== 0 && a.brd === p.dst)) {
      p.pktType = PACKET_BROADCAST;
      p.macDst = 281474976710655;
    } else if (p.dst >>> 28 === 14) {
      p.pktType = PACKET_MULTICAST;
      p.macDst = 1101088686080 + (p.dst & 8388607);
    }
  }
  return p;
}
function packetJson(p, out) {
  const o = {};
  if (out !== void 0) o.out = out;
  o.src = formatIPv4(p.src);
  o.dst = formatIPv4(p.dst);
  o.proto = protoName2(p.proto);
  switch (p.proto) {
    case IPPROTO_TCP:
      o.sport = p.sport;
      o.dport = p.dport;
      o.flags = flagLetters(p.tcpFlags);
      o.seq = p.seq >>> 0;
      o.ack = p.ack >>> 0;
      o.window = p.window;
      break;
    case IPPROTO_UDP:
      o.sport = p.sport;
      o.dport = p.dport;
      break;
    case IPPROTO_ICMP:
      o.type = p.icmpType;
      o.code = p.icmpCode;
      if (isIcmpQuery(p.icmpType)) {
        o.id = p.icmpId;
        o.seq = p.icmpSeq;
      }
      if (p.inner) {
        const q = p.inner;
        const inner = {
          src: formatIPv4(q.src),
          dst: formatIPv4(q.dst),
          proto: protoName2(q.proto)
        };
        if (q.proto === IPPROTO_TCP || q.proto === IPPROTO_UDP) {
          inner.sport = q.sport;
          inner.dport = q.dport;
        } else if (q.proto === IPPROTO_ICMP) {
          inner.type = q.icmpType;
          inner.code = q.icmpCode;
        }
        o.inner = inner;
      }
      break;
  }
  o.len = p.len;
  o.ttl = p.ttl;
  o.tos = p.tos;
  o.ipid = p.id;
  if (p.frag & IP_DF) o.df = true;
  if (p.mark) o.mark = p.mark >>> 0;
  if (p.hasMac) o.mac = macToString(p.macSrc);
  return o;
}
function protoName2(n) {
  if (n === IPPROTO_TCP) return "tcp";
  if (n === IPPROTO_UDP) return "udp";
  if (n === IPPROTO_ICMP) return "icmp";
  return getProtoByNumber(n) ?? n;
}

// src/core/resolver.ts
function dnsNameOk(name) {
  if (name === "") return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c <= 32 || c >= 127) return false;
  }
  if (name[0] === "-") return false;
  if (name === ".") return true;
  const labels = (name.endsWith(".") ? name.slice(0, -1) : name).split(".");
  if (name.length > 254) return false;
  for (const l of labels) {
    if (l.length === 0 || l.length > 63) return false;
    if (!/^(?:[A-Za-z0-9_-]|\\.)+$/.test(l)) return false;
  }
  return true;
}
function hostLookupFailure(name) {
  if (!dnsNameOk(name)) return "Name or service not known";
  if (/^[0-9][0-9.]*$/.test(name) && !name.endsWith(".")) return "Name or service not known";
  return "Temporary failure in name resolution";
}

// src/extensions/xtoptions.ts
function emptyValue() {
  return {
    u: 0,
    big: 0n,
    range: [],
    bigRange: [],
    dbl: 0,
    str: "",
    tosValue: 0,
    tosMask: 0,
    mark: 0,
    mask: 0,
    syslogLevel: 0,
    haddr: 0,
    hmask: 0,
    hlen: 0,
    protocol: 0,
    port: 0,
    portRange: [0, 0],
    ethermac: []
  };
}
var SCRATCH = emptyValue();
function scratchValue() {
  const v = SCRATCH;
  v.u = 0;
  v.big = 0n;
  v.range = [];
  v.bigRange = [];
  v.dbl = 0;
  v.str = "";
  v.tosValue = 0;
  v.tosMask = 0;
  v.mark = 0;
  v.mask = 0;
  v.syslogLevel = 0;
  v.haddr = 0;
  v.hmask = 0;
  v.hlen = 0;
  v.protocol = 0;
  v.port = 0;
  v.portRange = [0, 0];
  v.ethermac = [];
  return v;
}
function maxByType(t) {
  switch (t) {
    case 1 /* UINT8 */:
    case 5 /* UINT8RC */:
      return 0xffn;
    case 2 /* UINT16 */:
    case 6 /* UINT16RC */:
      return 0xffffn;
    case 3 /* UINT32 */:
    case 7 /* UINT32RC */:
      return 0xffffffffn;
    case 4 /* UINT64 */:
    case 8 /* UINT64RC */:
      return 0xffffffffffffffffn;
    default:
      return 0n;
  }
}
function put(cb, value) {
  if (cb.entry.flags & XTOPT_PUT && cb.entry.put) cb.data[cb.entry.put] = value;
}
function parseInt_(cb) {
  const e = cb.entry;
  const lmin = BigInt(e.min ?? 0);
  const lmax = e.max ? BigInt(e.max) : maxByType(e.type);
  const r = xtStrtoul(cb.arg, lmin, lmax);
  if (!r.ok || r.end !== cb.arg.length)
    throw paramError(
      `${cb.extName}: bad value for option "--${e.name}", or out of range (${lmin}-${lmax}).
`
    );
  cb.val.u = r.value;
  cb.val.big = r.big;
  put(cb, e.type === 4 /* UINT64 */ ? r.big : r.value);
}
function parseFloat_(cb) {
  const e = cb.entry;
  const v = cStrtodWhole(cb.arg);
  const min = e.min ?? 0;
  const max = e.max ?? 0;
  const nan = /^[ \t\n\v\f\r]*[+-]?nan(?:\([0-9A-Za-z_]*\))?$/i.test(cb.arg);
  if (Number.isNaN(v) && !nan || min !== max && (v < min || v > max))
    throw paramError(`${cb.extName}: bad value for option "--${e.name}", or out of range (${min}-${max}).
`);
  cb.val.dbl = v;
  put(cb, v);
}
function parseMint(cb) {
  const e = cb.entry;
  const lmax = maxByType(e.type);
  const maxiter = e.size ?? 2;
  const arg = cb.arg;
  cb.nvals = 0;
  const vals = [];
  let pos = 0;
  for (; ; ) {
    if (cb.nvals === maxiter)
      throw paramError(`${cb.extName}: Too many components for option "--${e.name}" (max: ${maxiter})
`);
    let value;
    let end;
    if (pos >= arg.length || arg[pos] === ":") {
      end = pos;
      value = cb.nvals === 1 ? lmax : 0n;
    } else {
      const sub = arg.slice(pos);
      const r = xtStrtoul(sub, 0, lmax);
      if (!r.ok) throw paramError(`${cb.extName}: bad value for option "--${e.name}" near "${sub}", or out of range (0-${lmax}).
`);
      end = pos + r.end;
      if (end < arg.length && arg[end] !== ":")
        throw paramError(`${cb.extName}: Argument to "--${e.name}" has unexpected characters near "${arg.slice(end)}".
`);
      value = r.big;
    }
    vals.push(value);
    cb.nvals++;
    if (end >= arg.length) break;
    pos = end + 1;
  }
  cb.val.bigRange = vals;
  cb.val.range = vals.map(Number);
  put(cb, e.type === 8 /* UINT64RC */ ? vals : cb.val.range.slice());
}
var UTF8 = new TextEncoder();
function isAscii(s) {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
function parseString(cb) {
  const e = cb.entry;
  const ascii = isAscii(cb.arg);
  const bytes = ascii ? null : UTF8.encode(cb.arg);
  const z = bytes ? bytes.length : cb.arg.length;
  if (e.min && z < e.min) throw paramError(`Argument must have a minimum length of ${e.min} characters
`);
  if (e.max && z > e.max) throw paramError(`Argument must have a maximum length of ${e.max} characters
`);
  let s = cb.arg;
  if (e.size && z >= e.size) s = bytes ? new TextDecoder().decode(bytes.subarray(0, e.size - 1)) : s.slice(0, e.size - 1);
  cb.val.str = s;
  put(cb, s);
}
var TOS_SYMBOLS = [
  ["Minimize-Delay", 16],
  ["Maximize-Throughput", 8],
  ["Maximize-Reliability", 4],
  ["Minimize-Cost", 2],
  ["Normal-Service", 0]
];
function parseTosmask(cb) {
  const arg = cb.arg;
  const first = xtStrtoul(arg, 0, 255);
  if (first.ok) {
    cb.val.tosValue = first.value;
    cb.val.tosMask = 255;
    let end = first.end;
    if (arg[end] === "/") {
      const r = xtStrtoul(arg.slice(end + 1), 0, 255);
      if (!r.ok) throw paramError(`Illegal value: "${arg}"`);
      cb.val.tosMask = r.value;
      end = end + 1 + r.end;
    }
    if (end !== arg.length) throw paramError(`Illegal value: "${arg}"`);
    return;
  }
  cb.val.tosMask = cb.entry.max ?? 0;
  for (const [name, value] of TOS_SYMBOLS) {
    if (name.toLowerCase() === arg.toLowerCase()) {
      cb.val.tosValue = value;
      return;
    }
  }
  throw paramError(`Symbolic name "${arg}" is unknown`);
}
function parseMarkMask(cb) {
  const arg = cb.arg;
  const badVal = () => paramError(`${cb.extName}: bad integer value for option "--${cb.entry.name}", or out of range.
`);
  const garbage = () => paramError(`${cb.extName}: trailing garbage after value for option "--${cb.entry.name}".
`);
  const r = xtStrtoul(arg, 0, 4294967295);
  if (!r.ok) throw badVal();
  let end = r.end;
  let mask = 4294967295;
  if (end === arg.length) return { mark: r.value, mask };
  if (arg[end] !== "/") throw garbage();
  const m = xtStrtoul(arg.slice(end + 1), 0, 4294967295);
  if (!m.ok) throw badVal();
  mask = m.value;
  end = end + 1 + m.end;
  if (end !== arg.length) throw garbage();
  return { mark: r.value, mask };
}
var SYSLOG_LEVELS = {
  alert: 1,
  crit: 2,
  debug: 7,
  emerg: 0,
  error: 3,
  info: 6,
  notice: 5,
  panic: 0,
  warning: 4
};
function parseSyslogLevel(cb) {
  const r = xtStrtoul(cb.arg, 0, 7);
  let num;
  if (r.ok && r.end === cb.arg.length) num = r.value;
  else {
    const lvl = SYSLOG_LEVELS[cb.arg];
    if (lvl === void 0 || !Object.hasOwn(SYSLOG_LEVELS, cb.arg))
      throw paramError(`log level "${cb.arg}" unknown
`);
    num = lvl;
  }
  cb.val.syslogLevel = num;
  put(cb, num);
}
function parseHost(cb, arg) {
  let addrs;
  const n = inetAton(arg);
  if (n !== void 0) addrs = [n];
  else {
    addrs = cb.db.lookupHost(arg);
    if (addrs.length === 0) throw paramError(`getaddrinfo: ${hostLookupFailure(arg)}
`);
  }
  if (addrs.length > 1 && addrs.some((a) => a !== addrs[0]))
    throw paramError(`${arg} resolves to more than one address
`);
  cb.val.haddr = addrs[0];
  cb.val.hmask = 4294967295;
  cb.val.hlen = 32;
  put(cb, cb.val.haddr);
}
function parsePlen(cb, arg) {
  const r = xtStrtoul(arg, 0, 32);
  if (r.ok && r.end === arg.length) {
    cb.val.hlen = r.value;
    return;
  }
  const m = inetAton(arg);
  if (m !== void 0) {
    cb.val.hmask = m;
    cb.val.hlen = maskToCidr(m);
    return;
  }
  throw paramError(
    `${cb.extName}: bad value for option "--${cb.entry.name}", neither a valid network mask nor valid CIDR (0-32).
`
  );
}
function parsePlenmask(cb, arg) {
  parsePlen(cb, arg);
  const hl = cb.val.hlen;
  cb.val.hmask = hl === -1 ? cb.val.hmask : cidrToMask(hl < 0 ? 0 : hl);
  if (hl === -1) cb.val.hmask = 4294967295;
  put(cb, cb.val.hmask);
}
function parseHostmask(cb) {
  const slash = cb.arg.indexOf("/");
  if (slash < 0) {
    parseHost(cb, cb.arg);
    return;
  }
  parseHost(cb, cb.arg.slice(0, slash));
  parsePlenmask(cb, cb.arg.slice(slash + 1));
}
function parsePort2(cb) {
  const p = getPortByName(cb.arg);
  if (p === void 0) throw paramError(`Port "${cb.arg}" does not resolve to anything.
`);
  cb.val.port = p;
  put(cb, p);
}
function parsePortRange(cb) {
  const e = cb.entry;
  const maxiter = e.size ?? 2;
  const range = [0, 65535];
  cb.nvals = 0;
  for (const part of cb.arg.split(":")) {
    if (cb.nvals === maxiter)
      throw paramError(`${cb.extName}: Too many components for option "--${e.name}" (max: ${maxiter})
`);
    if (part === "") {
      cb.nvals++;
      continue;
    }
    const v = getPortByName(part);
    if (v === void 0) throw paramError(`Port "${part}" does not resolve to anything.
`);
    if (cb.nvals < 2) range[cb.nvals] = v;
    cb.nvals++;
  }
  if (cb.nvals === 1) {
    range[1] = range[0];
    cb.nvals++;
  }
  cb.val.portRange = range;
  put(cb, range.slice());
}
function parseEthermac(cb) {
  const mac = parseMacStrict(cb.arg);
  if (!mac) throw paramError("Invalid MAC address specified.");
  cb.val.ethermac = mac;
  put(cb, mac);
}
function parseMacStrict(arg) {
  const out = [];
  let pos = 0;
  for (let i = 0; i < 6; i++) {
    const r = cStrtoumax(arg, pos, 16);
    if (i < 5 ? arg[r.end] !== ":" : r.end !== arg.length) return void 0;
    if (r.end - pos > 2) return void 0;
    out.push(Number(r.big & 0xffn));
    pos = r.end + 1;
  }
  return out;
}
function parseProtocol(cb) {
  cb.val.protocol = parseProtocolName(cb.arg);
  put(cb, cb.val.protocol);
}
var CHAIN_PROTOS = [
  ["tcp", 6],
  ["sctp", 132],
  ["udp", 17],
  ["udplite", 136],
  ["icmp", 1],
  ["ipv6-icmp", 58],
  ["icmpv6", 58],
  ["esp", 50],
  ["ah", 51],
  ["mobility-header", 135],
  ["ipv6-mh", 135],
  ["mh", 135],
  ["all", 0]
];
function parseProtocolName(s) {
  const r = xtStrtoul(s, 0, 255);
  if (r.ok && r.end === s.length) return r.value;
  for (const [name, num] of CHAIN_PROTOS) if (name === s) return num;
  const p = getProtoByName(s);
  if (p !== void 0) return p;
  throw paramError(`unknown protocol "${s}" specified`);
}
function xtablesOptionParse(cb) {
  const e = cb.entry;
  const eflag = 1 << e.id;
  const flags = e.flags ?? 0;
  if ((!(flags & XTOPT_MULTI) || (e.excl ?? 0) & eflag) && cb.xflags & eflag)
    throw paramError(`${cb.extName}: option "--${e.name}" can only be used once.
`);
  if (cb.invert && !(flags & XTOPT_INVERT))
    throw paramError(`${cb.extName}: option "--${e.name}" cannot be inverted.
`);
  if (e.type !== 0 /* NONE */ && cb.getopt.optarg === null)
    throw paramError(`${cb.extName}: option "--${e.name}" requires an argument.
`);
  cb.nvals = 1;
  switch (e.type) {
    case 1 /* UINT8 */:
    case 2 /* UINT16 */:
    case 3 /* UINT32 */:
    case 4 /* UINT64 */:
      parseInt_(cb);
      break;
    case 5 /* UINT8RC */:
    case 6 /* UINT16RC */:
    case 7 /* UINT32RC */:
    case 8 /* UINT64RC */:
      parseMint(cb);
      break;
    case 9 /* DOUBLE */:
      parseFloat_(cb);
      break;
    case 10 /* STRING */:
      parseString(cb);
      break;
    case 11 /* TOSMASK */:
      parseTosmask(cb);
      break;
    case 12 /* MARKMASK32 */: {
      const mm = parseMarkMask(cb);
      cb.val.mark = mm.mark;
      cb.val.mask = mm.mask;
      break;
    }
    case 13 /* SYSLOGLEVEL */:
      parseSyslogLevel(cb);
      break;
    case 14 /* HOST */:
      parseHost(cb, cb.arg);
      break;
    case 15 /* HOSTMASK */:
      parseHostmask(cb);
      break;
    case 16 /* PROTOCOL */:
      parseProtocol(cb);
      break;
    case 17 /* PORT */:
      parsePort2(cb);
      break;
    case 18 /* PORTRC */:
      parsePortRange(cb);
      break;
    case 19 /* PLEN */:
      parsePlen(cb, cb.arg);
      put(cb, cb.val.hlen);
      break;
    case 20 /* PLENMASK */:
      parsePlenmask(cb, cb.arg);
      break;
    case 21 /* ETHERMAC */:
      parseEthermac(cb);
      break;
    case 0 /* NONE */:
      break;
  }
}
function xtablesOptionsFcheck(name, xflags, table) {
  if (xflags === 0 && !table.some((e) => (e.flags ?? 0) & XTOPT_MAND)) return;
  for (const entry of table) {
    const ef = 1 << entry.id;
    if ((entry.flags ?? 0) & XTOPT_MAND && !(xflags & ef))
      throw paramError(`${name}: option "--${entry.name}" must be specified
`);
    if (!(xflags & ef)) continue;
    if (!entry.also && !entry.excl) continue;
    for (let i = 0; i < 32; i++) {
      if (entry.id === i) continue;
      const other = table.find((o) => o.id === i);
      if (!other) continue;
      const of = 1 << other.id;
      if ((entry.also ?? 0) & of && !(xflags & of))
        throw paramError(`${name}: option "--${entry.name}" also requires "--${other.name}".
`);
      if (!((entry.excl ?? 0) & of)) continue;
      if ((xflags & (ef | of)) !== (ef | of)) continue;
      throw paramError(`${name}: option "--${entry.name}" cannot be used together with "--${other.name}".
`);
    }
  }
}

// src/compat/iptables/format.ts
var FMT_NUMERIC = 1;
var FMT_NOCOUNTS = 2;
var FMT_KILOMEGAGIGA = 4;
var FMT_OPTIONS = 8;
var FMT_NOTABLE = 16;
var FMT_NOTARGET = 32;
var FMT_VIA = 64;
var FMT_NONEWLINE = 128;
var FMT_LINENUMBERS = 256;
function padRight(s, w) {
  return s.length >= w ? s : s + " ".repeat(w - s.length);
}
function padLeft(s, w) {
  return s.length >= w ? s : " ".repeat(w - s.length) + s;
}
function printNum(n, format) {
  const notable = (format & FMT_NOTABLE) !== 0;
  if (!(format & FMT_KILOMEGAGIGA)) return notable ? `${n} ` : `${padLeft(String(n), 8)} `;
  if (n <= 99999) return notable ? `${n} ` : `${padLeft(String(n), 5)} `;
  let v = Math.floor((n + 500) / 1e3);
  for (const unit of ["K", "M", "G"]) {
    if (v <= 9999) return notable ? `${v}${unit} ` : `${padLeft(String(v), 4)}${unit} `;
    v = Math.floor((v + 500) / 1e3);
  }
  return notable ? `${v}T ` : `${padLeft(String(v), 4)}T `;
}
function printHeader(format, chain, policy, pcnt, bcnt, refs) {
  let out = `Chain ${chain}`;
  if (policy) {
    out += ` (policy ${policy}`;
    if (!(format & FMT_NOCOUNTS)) {
      out += ` ${printNum(pcnt, format | FMT_NOTABLE)}packets, ${printNum(bcnt, format | FMT_NOTABLE)}bytes`;
    }
    out += ")\n";
  } else if (refs < 0) {
    out += " (ERROR obtaining refs)\n";
  } else {
    out += ` (${refs} references)
`;
  }
  if (format & FMT_LINENUMBERS) out += `${padRight("num", 4)} `;
  if (!(format & FMT_NOCOUNTS)) {
    if (format & FMT_KILOMEGAGIGA) out += `${padLeft("pkts", 5)} ${padLeft("bytes", 5)} `;
    else out += `${padLeft("pkts", 8)} ${padLeft("bytes", 10)} `;
  }
  if (!(format & FMT_NOTARGET)) out += `${padRight("target", 9)} `;
  out += " prot ";
  if (format & FMT_OPTIONS) out += "opt";
  if (format & FMT_VIA) out += ` ${padRight("in", 6)} ${padRight("out", 6)} `;
  out += ` ${padRight("source", 19)} `;
  out += ` ${padRight("destination", 19)} `;
  return `${out}
`;
}
function protoToName(proto2, nolookup) {
  for (const [name, num] of CHAIN_PROTOS) if (num === proto2) return name;
  if (proto2 && !nolookup) return getProtoByNumber(proto2);
  return void 0;
}
function printRule(rule, num, format, targetName2, db) {
  const ip2 = rule.ip;
  const notable = (format & FMT_NOTABLE) !== 0;
  let out = "";
  if (format & FMT_LINENUMBERS) out += notable ? `${num} ` : `${padRight(String(num), 4)} `;
  if (!(format & FMT_NOCOUNTS)) out += printNum(rule.pcnt, format) + printNum(rule.bcnt, format);
  if (!(format & FMT_NOTARGET)) out += notable ? `${targetName2} ` : `${padRight(targetName2, 9)} `;
  out += ip2.invflags & IPT_INV_PROTO ? "!" : " ";
  const pname = protoToName(ip2.proto, (format & FMT_NUMERIC) !== 0);
  const protoText = (format & (FMT_NUMERIC | FMT_NOTABLE)) === FMT_NUMERIC || pname === void 0 ? String(ip2.proto) : pname;
  out += notable ? `${protoText} ` : `${padRight(protoText, 4)} `;
  if (format & FMT_OPTIONS) {
    if (notable) out += "opt ";
    out += ip2.invflags & IPT_INV_FRAG ? "!" : "-";
    out += ip2.flags & IPT_F_FRAG ? "f" : "-";
    out += " ";
  }
  if (format & FMT_VIA) {
    const any = format & FMT_NUMERIC ? "*" : "any";
    const inName = (ip2.invflags & IPT_INV_VIA_IN ? "!" : "") + (ip2.iniface !== "" ? ip2.iniface : any);
    const outName = (ip2.invflags & IPT_INV_VIA_OUT ? "!" : "") + (ip2.outiface !== "" ? ip2.outiface : any);
    out += notable ? `in ${inName} out ${outName} ` : ` ${padRight(inName, 6)} ${padRight(outName, 6)} `;
  }
  const numeric = (format & FMT_NUMERIC) !== 0;
  const src = addrMaskToListString(ip2.src, ip2.smsk, numeric, db);
  const dst = addrMaskToListString(ip2.dst, ip2.dmsk, numeric, db);
  out += ip2.invflags & IPT_INV_SRCIP ? "!" : " ";
  out += notable ? `${src} ` : `${padRight(src, 19)} `;
  out += ip2.invflags & IPT_INV_DSTIP ? "!" : " ";
  out += notable ? `-> ${dst}` : `${padRight(dst, 19)} `;
  if (notable) out += "  ";
  if (ip2.flags & IPT_F_GOTO) out += "[goto] ";
  const ctx = { ip: ip2, numeric, db };
  for (const m of rule.matches) if (m.ext.print) out += m.ext.print(m.data, ctx);
  if (rule.target?.ext.print) out += rule.target.ext.print(rule.target.data, ctx);
  if (!(format & FMT_NONEWLINE)) out += "\n";
  return out;
}
function saveIface(letter, iface, invert) {
  if (iface === "") return "";
  return `${invert ? " !" : ""} -${letter} ${iface}`;
}
function saveRuleBody(rule, db, cCounts = false) {
  const ip2 = rule.ip;
  let out = "";
  out += saveAddr("s", ip2.src, ip2.smsk, (ip2.invflags & IPT_INV_SRCIP) !== 0);
  out += saveAddr("d", ip2.dst, ip2.dmsk, (ip2.invflags & IPT_INV_DSTIP) !== 0);
  out += saveIface("i", ip2.iniface, (ip2.invflags & IPT_INV_VIA_IN) !== 0);
  out += saveIface("o", ip2.outiface, (ip2.invflags & IPT_INV_VIA_OUT) !== 0);
  if (ip2.proto > 0) {
    const pname = protoToName(ip2.proto, false);
    if (ip2.invflags & IPT_INV_PROTO) out += " !";
    out += pname !== void 0 ? ` -p ${pname}` : ` -p ${ip2.proto}`;
  }
  if (ip2.flags & IPT_F_FRAG) {
    if (ip2.invflags & IPT_INV_FRAG) out += " !";
    out += " -f";
  }
  out += saveMatchesAndTarget(rule, db, cCounts);
  return out;
}
function saveAddr(letter, addr2, mask, invert) {
  if (!mask && !invert && !addr2) return "";
  return `${invert ? " !" : ""} -${letter} ${formatIPv4(addr2)}/${maskToSaveString(mask)}`;
}
function saveMatchesAndTarget(rule, db, cCounts) {
  const ctx = { ip: rule.ip, numeric: false, db };
  let out = "";
  for (const m of rule.matches) {
    out += ` -m ${m.ext.saveName ? m.ext.saveName(m.data) : m.ext.name}`;
    if (m.ext.save) out += m.ext.save(m.data, ctx);
  }
  if (cCounts) out += ` -c ${rule.pcnt} ${rule.bcnt}`;
  if (rule.target) {
    const t = rule.target;
    out += ` -j ${t.ext.saveName ? t.ext.saveName(t.data) : rule.jumpto}`;
    if (t.ext.save) out += t.ext.save(t.data, ctx);
  } else if (rule.jumpto.length > 0) {
    out += ` -${rule.ip.flags & IPT_F_GOTO ? "g" : "j"} ${rule.jumpto}`;
  }
  return out;
}
function saveChainLine(c) {
  return `:${c.name} ${c.policy ?? "-"} [${c.pcnt}:${c.bcnt}]
`;
}

// src/compat/packet-text.ts
function tcpdumpFlags(f) {
  let s = "";
  if (f & TCP_FIN) s += "F";
  if (f & TCP_SYN) s += "S";
  if (f & TCP_RST) s += "R";
  if (f & TCP_PSH) s += "P";
  if (f & TCP_ACK) s += ".";
  if (f & TCP_URG) s += "U";
  if (f & TCP_ECE) s += "E";
  if (f & TCP_CWR) s += "W";
  return s || "none";
}
function protoWord(n) {
  return n === IPPROTO_TCP ? "tcp" : n === IPPROTO_UDP ? "udp" : n === IPPROTO_ICMP ? "icmp" : `ip-proto-${n}`;
}
function icmpText(p) {
  const len = p.len - p.ihl;
  const q = p.inner;
  switch (p.icmpType) {
    case 0:
      return `ICMP echo reply, id ${p.icmpId}, seq ${p.icmpSeq}, length ${len}`;
    case 8:
      return `ICMP echo request, id ${p.icmpId}, seq ${p.icmpSeq}, length ${len}`;
    case 3: {
      const dst = q ? formatIPv4(q.dst) : "?";
      switch (p.icmpCode) {
        case 0:
          return `ICMP net ${dst} unreachable, length ${len}`;
        case 1:
          return `ICMP host ${dst} unreachable, length ${len}`;
        case 2:
          return `ICMP ${dst} protocol ${q?.proto ?? "?"} unreachable, length ${len}`;
        case 3:
          return `ICMP ${dst} ${q ? protoWord(q.proto) : "?"} port ${q?.dport ?? "?"} unreachable, length ${len}`;
        case 4:
          return `ICMP ${dst} unreachable - need to frag, length ${len}`;
        case 9:
          return `ICMP net ${dst} unreachable - admin prohibited, length ${len}`;
        case 10:
          return `ICMP host ${dst} unreachable - admin prohibited, length ${len}`;
        case 13:
          return `ICMP host ${dst} unreachable - admin prohibited filter, length ${len}`;
        default:
          return `ICMP ${dst} unreachable - code ${p.icmpCode}, length ${len}`;
      }
    }
    case 11:
      return `ICMP time exceeded in-${p.icmpCode === 0 ? "transit" : "reassembly"}, length ${len}`;
    default:
      return `ICMP type-#${p.icmpType}, length ${len}`;
  }
}
function packetLine(p) {
  const frag = (p.frag & IP_OFFMASK) !== 0;
  const ttl = `ttl ${p.ttl}`;
  if (!frag && p.proto === IPPROTO_TCP) {
    const payload = p.payloadLen;
    let s = `IP ${formatIPv4(p.src)}.${p.sport} > ${formatIPv4(p.dst)}.${p.dport}: Flags [${tcpdumpFlags(p.tcpFlags)}], seq ${p.seq >>> 0}`;
    if (p.tcpFlags & TCP_ACK) s += `, ack ${p.ack >>> 0}`;
    s += `, win ${p.window}, length ${payload}, ${ttl}`;
    return s;
  }
  if (!frag && p.proto === IPPROTO_UDP) {
    return `IP ${formatIPv4(p.src)}.${p.sport} > ${formatIPv4(p.dst)}.${p.dport}: UDP, length ${Math.max(0, p.len - p.ihl - 8)}, ${ttl}`;
  }
  if (!frag && p.proto === IPPROTO_ICMP)
    return `IP ${formatIPv4(p.src)} > ${formatIPv4(p.dst)}: ${icmpText(p)}, ${ttl}`;
  const what = frag ? `frag offset ${(p.frag & IP_OFFMASK) * 8}` : protoWord(p.proto);
  return `IP ${formatIPv4(p.src)} > ${formatIPv4(p.dst)}: ${what}, length ${p.len - p.ihl}, ${ttl}`;
}
function etherNtoa(m) {
  let s = "";
  for (let i = 5; i >= 0; i--) {
    const b = Math.floor(m / 2 ** (8 * i)) % 256;
    s += (i < 5 ? ":" : "") + b.toString(16);
  }
  return s;
}
function hex8(n) {
  return (n >>> 0).toString(16).padStart(8, "0");
}
function tracePacketLine(p, _hook) {
  let s = `PACKET: 2 ${hex8(p.traceId)} `;
  if (p.inDev) s += `IN=${p.inDev} `;
  if (p.outDev) s += `OUT=${p.outDev} `;
  if (p.inDev === "lo") s += "LOOPBACK ";
  else if (p.inDev && p.hasMac) s += `MACSRC=${etherNtoa(p.macSrc)} MACDST=${etherNtoa(p.macDst)} MACPROTO=0800 `;
  s += `SRC=${formatIPv4(p.src)} DST=${formatIPv4(p.dst)} LEN=${p.len} TOS=0x${p.tos.toString(16)} TTL=${p.ttl} ID=${p.id} `;
  if (p.frag & 32768) s += "CE ";
  if (p.frag & IP_DF) s += "DF ";
  if (p.frag & IP_MF) s += "MF ";
  if (p.frag & IP_OFFMASK) s += `FRAG:${p.frag & IP_OFFMASK} `;
  if (p.ipOptions?.length) {
    s += "OPT (";
    for (const b of p.ipOptions) s += b.toString(16).toUpperCase().padStart(2, "0");
    s += ") ";
  }
  if (!(p.frag & IP_OFFMASK)) {
    if (p.proto === IPPROTO_TCP) {
      s += `SPORT=${p.sport} DPORT=${p.dport} `;
      const f = p.tcpFlags;
      if (f & TCP_SYN) s += "SYN ";
      if (f & TCP_ACK) s += "ACK ";
      if (f & TCP_FIN) s += "FIN ";
      if (f & TCP_RST) s += "RST ";
      if (f & TCP_PSH) s += "PSH ";
      if (f & TCP_URG) s += "URG ";
    } else if (p.proto === IPPROTO_UDP || p.proto === 132 || p.proto === 33 || p.proto === 136) {
      s += `SPORT=${p.sport} DPORT=${p.dport} `;
    }
  }
  if (p.mark) s += `MARK=0x${(p.mark >>> 0).toString(16)} `;
  return s;
}
function verdictWord(v) {
  switch (v) {
    case "RETURN":
      return "0xfffffffb";
    case "2":
      return "STOLEN";
    case "4":
      return "0x4";
    default:
      return /^-?\d+$/.test(v) ? `0x${(Number(v) >>> 0).toString(16)}` : v;
  }
}
function traceLines(events, db) {
  let out = "";
  for (const t of events) {
    const e = t.event;
    if (t.pkt) out += `${tracePacketLine(t.pkt, t.hook)}
`;
    if (e.kind === "return") continue;
    const head = ` TRACE: 2 ${hex8(t.id ?? 0)} ${e.table}:${e.chain}`;
    if (e.kind === "policy") {
      out += `${head}:policy:${verdictWord(e.verdict)} 
`;
      continue;
    }
    const r = e.rule;
    out += `${head}:rule:0x${(r.handle ?? 0).toString(16)}:${verdictWord(e.verdict)}  -4 -t ${e.table} -A ${e.chain}${saveRuleBody(r, db)}
`;
  }
  return out;
}

// src/compat/send.ts
var SEND_USAGE = `Usage: send [--json] <packet options>
       trace <packet options>

${SEND_OPTIONS_HELP}  --after SECONDS            let virtual time pass before sending
With --json, packets are read from standard input, one JSON object per line
(fields: in local src dst proto sport dport flags type code id ipid seq ack window
len ttl tos mark df mac uid gid inner after), and one JSON result is written per line.
`;
function advance(host, seconds) {
  if (seconds > 0) host.elapsedNs += BigInt(Math.round(seconds * 1e9));
}
function run2(host, spec, p, watch) {
  const stack = host.stack();
  const logStart = host.kernlog.length;
  const report = spec.local ? stack.send(p, watch) : stack.receive(p, spec.in, watch);
  const logs = [];
  for (let i = logStart; i < host.kernlog.length; i++) logs.push(host.kernlog[i].line);
  return { report, logs };
}
function ruleTarget(host, table, chain, rule) {
  const r = host.ruleset.table(table)?.chains.get(chain)?.rules[rule - 1];
  return r?.target?.ext.name;
}
function fateLine(host, r) {
  const f = r.fate;
  switch (f.kind) {
    case "delivered":
      return "delivered locally";
    case "forwarded":
      return `forwarded out ${f.dev}`;
    case "sent":
      return f.dev === "lo" ? "delivered locally (looped back through lo)" : `sent out ${f.dev}`;
    case "dropped":
    case "stolen":
    case "queued": {
      if (f.table === "conntrack") return "dropped by conntrack (invalid packet)";
      const where = `${f.table}:${f.chain}`;
      if (f.rule === 0) return `${f.kind} by ${where} policy ${f.kind === "dropped" ? "DROP" : "ACCEPT"}`;
      const target = ruleTarget(host, f.table, f.chain, f.rule);
      const verb = f.kind === "dropped" && target === "REJECT" ? "rejected" : f.kind;
      const tail = f.kind === "queued" ? " (no queue reader: dropped)" : "";
      return `${verb} by ${where} rule ${f.rule}${tail}`;
    }
    case "discarded":
      return `discarded: ${f.reason || "no further path"}`;
  }
}
function outcomeText(host, o) {
  let s = `${fateLine(host, o.report)}
`;
  for (const w of o.report.rewrites ?? [])
    s += `${w.table} ${HOOK_NAMES[w.hook]}: ${w.field} ${w.before} \u2192 ${w.after}
`;
  for (const l of o.logs) s += `log: ${l}
`;
  for (const e of o.report.emitted) s += `out ${e.dev}: ${packetLine(e.pkt)}
`;
  return s;
}
function takeAfter(args) {
  const i = args.indexOf("--after");
  if (i < 0) return { args, after: 0 };
  const v = args[i + 1];
  const n = v === void 0 ? Number.NaN : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new SpecError("--after", `expected a number of seconds, got '${v ?? ""}'`);
  return { args: [...args.slice(0, i), ...args.slice(i + 2)], after: n };
}
function failure(prog, e) {
  if (e instanceof SpecError)
    return {
      stdout: "",
      stderr: `${prog}: ${e.field}: ${e.message}
`,
      status: 2
    };
  if (e instanceof MissingSemantics) return { stdout: "", stderr: `${prog}: ${e.message}
`, status: 1 };
  throw e;
}
function runSend(host, argv, stdin) {
  const args = [...argv];
  if (args.includes("-h") || args.includes("--help")) return { stdout: SEND_USAGE, stderr: "", status: 0 };
  if (args.includes("--json")) {
    const rest = args.filter((a) => a !== "--json");
    if (rest.length)
      return {
        stdout: "",
        stderr: `send: --json reads packets from standard input; no other options (got ${rest[0]})
`,
        status: 2
      };
    return sendJson(host, stdin);
  }
  try {
    const t = takeAfter(args);
    const spec = specFromArgs(t.args, host.db);
    const p = buildPacket(spec, host.net);
    host.stack().prepare();
    advance(host, t.after);
    return {
      stdout: outcomeText(host, run2(host, spec, p, true)),
      stderr: "",
      status: 0
    };
  } catch (e) {
    return failure("send", e);
  }
}
function runTrace(host, argv) {
  const args = [...argv];
  if (args.includes("-h") || args.includes("--help")) return { stdout: SEND_USAGE, stderr: "", status: 0 };
  try {
    const t = takeAfter(args);
    const spec = specFromArgs(t.args, host.db);
    const p = buildPacket(spec, host.net);
    host.stack().prepare();
    advance(host, t.after);
    p.nfTrace = true;
    const o = run2(host, spec, p, true);
    return {
      stdout: traceLines(o.report.trace, host.db) + outcomeText(host, o),
      stderr: "",
      status: 0
    };
  } catch (e) {
    return failure("trace", e);
  }
}
function verdictJson(host, r) {
  const f = r.fate;
  switch (f.kind) {
    case "delivered":
      return { verdict: "delivered" };
    case "forwarded":
    case "sent":
      return { verdict: f.kind, dev: f.dev };
    case "dropped":
    case "stolen":
    case "queued": {
      if (f.table === "conntrack") return { verdict: "dropped", by: "conntrack" };
      const target = f.rule ? ruleTarget(host, f.table, f.chain, f.rule) : void 0;
      const verdict = f.kind === "dropped" && target === "REJECT" ? "rejected" : f.kind;
      return { verdict, by: `${f.table}:${f.chain}:${f.rule || "policy"}` };
    }
    case "discarded":
      return { verdict: "discarded", reason: f.reason };
  }
}
function sendJson(host, input) {
  let out = "";
  let lineNo = 0;
  let prepared = false;
  let start = 0;
  while (start < input.length) {
    let end = input.indexOf("\n", start);
    if (end < 0) end = input.length;
    const line = input.slice(start, end);
    start = end + 1;
    lineNo++;
    if (line.trim() === "") continue;
    let obj;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      out += `${JSON.stringify({ error: `line ${lineNo}: not JSON: ${e.message}` })}
`;
      continue;
    }
    let spec;
    let p;
    let after2 = 0;
    try {
      if (obj && typeof obj === "object" && !Array.isArray(obj) && "after" in obj) {
        const { after: a, ...rest } = obj;
        if (typeof a !== "number" || !Number.isFinite(a) || a < 0)
          throw new SpecError("after", "expected a number of seconds \u2265 0");
        after2 = a;
        obj = rest;
      }
      spec = specFromJson(obj);
      p = buildPacket(spec, host.net);
      if (!prepared) {
        host.stack().prepare();
        prepared = true;
      }
    } catch (e) {
      if (e instanceof SpecError) {
        out += `${JSON.stringify({ error: `line ${lineNo}: field ${e.field}: ${e.message}` })}
`;
        continue;
      }
      if (e instanceof MissingSemantics) {
        out += `${JSON.stringify({ error: `line ${lineNo}: ${e.message}` })}
`;
        continue;
      }
      throw e;
    }
    advance(host, after2);
    const o = run2(host, spec, p, false);
    const res = verdictJson(host, o.report);
    res.emitted = o.report.emitted.map((e) => packetJson(e.pkt, e.dev));
    if (o.logs.length) res.log = o.logs;
    out += `${JSON.stringify(res)}
`;
  }
  return { stdout: out, stderr: "", status: 0 };
}

// src/compat/shell.ts
var ShellSyntaxError = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
  line;
};
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
function parseScript(src) {
  const lines = src.split("\n");
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const startLine = i + 1;
    let text = lines[i];
    i++;
    while ((endsWithBackslash(text) || openQuote(text)) && i < lines.length) {
      text = endsWithBackslash(text) && !openQuote(text) ? `${text.slice(0, -1)}${lines[i]}` : `${text}
${lines[i]}`;
      i++;
    }
    const toks = tokenize(text, startLine);
    for (const tk of toks) {
      if (tk.t === "redir" && tk.heredoc) {
        const body2 = [];
        let found = false;
        while (i < lines.length) {
          let l = lines[i];
          i++;
          if (tk.heredoc.strip) l = l.replace(/^\t+/, "");
          if (l === tk.heredoc.delim) {
            found = true;
            break;
          }
          body2.push(l);
        }
        const bodyText = body2.length ? `${body2.join("\n")}
` : "";
        tk.word = tk.heredoc.quoted ? [{ lit: bodyText, quoted: true }] : expandHeredocVars(bodyText);
      }
    }
    const list = buildLists(toks, text, startLine);
    out.push(...list);
  }
  return out;
}
function endsWithBackslash(s) {
  let n = 0;
  for (let k = s.length - 1; k >= 0 && s[k] === "\\"; k--) n++;
  return n % 2 === 1;
}
function openQuote(s) {
  let q = null;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (q === null) {
      if (c === "#" && (k === 0 || /\s/.test(s[k - 1]))) return false;
      if (c === "\\") k++;
      else if (c === "'" || c === '"') q = c;
    } else if (q === '"' && c === "\\") k++;
    else if (c === q) q = null;
  }
  return q !== null;
}
function expandHeredocVars(body2) {
  const parts = [];
  let lit = "";
  for (let k = 0; k < body2.length; k++) {
    const c = body2[k];
    if (c === "\\" && (body2[k + 1] === "$" || body2[k + 1] === "\\" || body2[k + 1] === "`")) {
      lit += body2[k + 1];
      k++;
    } else if (c === "$") {
      const v = readVar(body2, k);
      if (v) {
        if (lit) parts.push({ lit, quoted: true });
        lit = "";
        parts.push({ var: v.name, quoted: true });
        k = v.end - 1;
      } else lit += c;
    } else lit += c;
  }
  if (lit || parts.length === 0) parts.push({ lit, quoted: true });
  return parts;
}
function readVar(s, k) {
  if (s[k + 1] === "{") {
    const close = s.indexOf("}", k + 2);
    if (close < 0) return void 0;
    return { name: s.slice(k + 2, close), end: close + 1 };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!-])/.exec(s.slice(k + 1));
  if (!m) return void 0;
  return { name: m[1], end: k + 1 + m[1].length };
}
function tokenize(text, line) {
  const toks = [];
  let k = 0;
  const n = text.length;
  while (k < n) {
    const c = text[k];
    if (c === " " || c === "	" || c === "\n") {
      k++;
      continue;
    }
    if (c === "#") break;
    if (c === ";") {
      toks.push({ t: "op", v: ";" });
      k++;
      continue;
    }
    if (c === "&" && text[k + 1] === "&") {
      toks.push({ t: "op", v: "&&" });
      k += 2;
      continue;
    }
    if (c === "|") {
      if (text[k + 1] === "|") {
        toks.push({ t: "op", v: "||" });
        k += 2;
      } else {
        toks.push({ t: "op", v: "|" });
        k++;
      }
      continue;
    }
    const rm = /^([012])?(<<-?|>>|>&|<|>)/.exec(text.slice(k));
    if (rm) {
      const fd = rm[1] !== void 0 ? Number(rm[1]) : rm[2].startsWith("<") ? 0 : 1;
      const op = rm[2];
      k += rm[0].length;
      while (text[k] === " " || text[k] === "	") k++;
      if (op === ">&") {
        const m = /^[0-9]+/.exec(text.slice(k));
        if (!m) throw new ShellSyntaxError("syntax error near `>&'", line);
        toks.push({ t: "redir", fd, kind: ">&", dupFd: m[0] });
        k += m[0].length;
        continue;
      }
      const w2 = readWord(text, k, line);
      if (!w2) throw new ShellSyntaxError("syntax error near unexpected token `newline'", line);
      k = w2.end;
      if (op.startsWith("<<")) {
        const delimText = w2.parts.map((p) => "lit" in p ? p.lit : `$${p.var}`).join("");
        const quoted = w2.parts.some((p) => p.quoted);
        toks.push({ t: "redir", fd: 0, kind: "<<", heredoc: { delim: delimText, strip: op === "<<-", quoted } });
      } else {
        toks.push({ t: "redir", fd, kind: op, word: w2.parts });
      }
      continue;
    }
    const w = readWord(text, k, line);
    if (!w) {
      k++;
      continue;
    }
    toks.push({ t: "word", parts: w.parts });
    k = w.end;
  }
  return toks;
}
function readWord(text, start, line) {
  const parts = [];
  let lit = "";
  let litQuoted = false;
  const flush = (quoted) => {
    if (lit.length || quoted && !parts.length) parts.push({ lit, quoted });
    lit = "";
  };
  let k = start;
  const n = text.length;
  let any = false;
  while (k < n) {
    const c = text[k];
    if (c === " " || c === "	" || c === "\n" || c === ";" || c === "|" || c === "&" && text[k + 1] === "&") break;
    if (c === "<" || c === ">") break;
    any = true;
    if (c === "\\") {
      if (litQuoted) flush(true);
      litQuoted = false;
      lit += text[k + 1] ?? "";
      flush(true);
      k += 2;
      continue;
    }
    if (c === "'") {
      flush(litQuoted);
      const close = text.indexOf("'", k + 1);
      if (close < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''", line);
      parts.push({ lit: text.slice(k + 1, close), quoted: true });
      litQuoted = false;
      k = close + 1;
      continue;
    }
    if (c === '"') {
      flush(litQuoted);
      litQuoted = false;
      k++;
      let q = "";
      let closed = false;
      while (k < n) {
        const d = text[k];
        if (d === '"') {
          closed = true;
          k++;
          break;
        }
        if (d === "\\" && (text[k + 1] === '"' || text[k + 1] === "\\" || text[k + 1] === "$" || text[k + 1] === "`")) {
          q += text[k + 1];
          k += 2;
          continue;
        }
        if (d === "$") {
          const v = readVar(text, k);
          if (v) {
            parts.push({ lit: q, quoted: true });
            q = "";
            parts.push({ var: v.name, quoted: true });
            k = v.end;
            continue;
          }
        }
        q += d;
        k++;
      }
      if (!closed) throw new ShellSyntaxError("unexpected EOF while looking for matching `\"'", line);
      parts.push({ lit: q, quoted: true });
      continue;
    }
    if (c === "$") {
      const v = readVar(text, k);
      if (v) {
        flush(litQuoted);
        litQuoted = false;
        parts.push({ var: v.name, quoted: false });
        k = v.end;
        continue;
      }
    }
    lit += c;
    k++;
  }
  if (!any) return void 0;
  flush(litQuoted);
  return { parts, end: k };
}
function buildLists(toks, text, line) {
  const lists = [];
  let cur = { items: [], text, line };
  let op = ";";
  let cmd = { words: [], redirects: [], text };
  const endCmd = () => {
    if (cmd.words.length === 0 && cmd.redirects.length === 0) return false;
    cur.items.push({ op, cmd });
    cmd = { words: [], redirects: [], text };
    return true;
  };
  for (const tk of toks) {
    if (tk.t === "word") cmd.words.push(tk.parts);
    else if (tk.t === "redir") cmd.redirects.push(tk);
    else if (tk.t === "op") {
      if (tk.v === "|") throw new ShellSyntaxError("pipelines are not supported by iptwin shell", line);
      if (!endCmd()) throw new ShellSyntaxError(`syntax error near unexpected token \`${tk.v}'`, line);
      if (tk.v === ";") {
        lists.push(cur);
        cur = { items: [], text, line };
        op = ";";
      } else op = tk.v;
    }
  }
  endCmd();
  if (cur.items.length) lists.push(cur);
  return lists;
}
function expandCommand(raw, vars) {
  const words = raw.words.map((w) => expandWord(w, vars));
  const assignments = [];
  let idx = 0;
  for (; idx < raw.words.length; idx++) {
    const first = raw.words[idx][0];
    if (!first || !("lit" in first) || first.quoted) break;
    const eq = first.lit.indexOf("=");
    if (eq <= 0 || !NAME_RE.test(first.lit.slice(0, eq))) break;
    const value = expandWord([{ lit: first.lit.slice(eq + 1), quoted: true }, ...raw.words[idx].slice(1)], vars, true);
    assignments.push([first.lit.slice(0, eq), value.join(" ")]);
  }
  const argv = words.slice(idx).flat();
  const redirects = [];
  for (const r of raw.redirects) {
    if (r.kind === ">&") redirects.push({ fd: r.fd, kind: ">&", target: r.dupFd });
    else redirects.push({ fd: r.fd, kind: r.kind, target: expandWord(r.word, vars, true).join(" ") });
  }
  return { assignments, argv, redirects, text: raw.text };
}
function expandWord(parts, vars, noSplit = false) {
  const fields = [];
  let cur = "";
  let have = false;
  for (const p of parts) {
    if ("lit" in p) {
      cur += p.lit;
      have = true;
      continue;
    }
    const v = vars.get(p.var) ?? "";
    if (p.quoted || noSplit) {
      cur += v;
      have = true;
      continue;
    }
    const pieces = v.split(/[ \t\n]+/);
    for (let j = 0; j < pieces.length; j++) {
      const piece = pieces[j];
      if (j > 0) {
        if (have) fields.push(cur);
        cur = "";
        have = false;
      }
      if (piece.length) {
        cur += piece;
        have = true;
      }
    }
  }
  if (have) fields.push(cur);
  return fields;
}

// src/compat/session.ts
var MemoryIO = class {
  files = /* @__PURE__ */ new Map();
  readFile(path) {
    const f = this.files.get(path);
    if (f === void 0) {
      const e = new Error(`ENOENT: ${path}`);
      e.code = "ENOENT";
      throw e;
    }
    return f;
  }
  writeFile(path, data, append) {
    this.files.set(path, append ? (this.files.get(path) ?? "") + data : data);
  }
};
function nameOf(argv0) {
  const slash = argv0.lastIndexOf("/");
  return slash >= 0 ? argv0.slice(slash + 1) : argv0;
}
var ShellSession = class {
  constructor(host, io = new MemoryIO()) {
    this.host = host;
    this.io = io;
    const flavour = host.flavour === "nft" ? "nft" : "legacy";
    const ipt = (argv) => host.iptables(argv.slice(1));
    const save = (argv) => {
      const r = host.iptablesSave(argv.slice(1));
      if (r.file !== void 0) {
        this.io.writeFile(r.file, r.stdout, false);
        return { stdout: "", stderr: r.stderr, status: r.status };
      }
      return r;
    };
    const restore = (argv, stdin) => host.iptablesRestore(argv.slice(1), stdin, (p) => this.io.readFile(p));
    for (const base of ["iptables", `iptables-${flavour}`]) {
      this.commands.set(base, ipt);
      this.commands.set(`${base}-save`, save);
      this.commands.set(`${base}-restore`, restore);
    }
    this.commands.set("send", (argv, stdin) => runSend(host, argv.slice(1), stdin));
    this.commands.set("trace", (argv) => runTrace(host, argv.slice(1)));
    this.commands.set("conntrack", (argv) => runConntrack(host.conntrack(), argv.slice(1), Number(host.elapsedNs)));
    this.commands.set("ip", (argv) => host.ip(argv.slice(1)));
    this.commands.set("sysctl", (argv) => host.sysctl(argv.slice(1), (p) => this.io.readFile(p)));
    this.commands.set("true", () => ({ stdout: "", stderr: "", status: 0 }));
    this.commands.set("false", () => ({ stdout: "", stderr: "", status: 1 }));
    this.commands.set(":", () => ({ stdout: "", stderr: "", status: 0 }));
    this.commands.set("echo", (argv) => {
      let args = argv.slice(1);
      let nl = true;
      if (args[0] === "-n") {
        nl = false;
        args = args.slice(1);
      }
      return { stdout: args.join(" ") + (nl ? "\n" : ""), stderr: "", status: 0 };
    });
    this.commands.set("export", (argv) => {
      for (const a of argv.slice(1)) {
        const eq = a.indexOf("=");
        if (eq > 0) this.vars.set(a.slice(0, eq), a.slice(eq + 1));
      }
      return { stdout: "", stderr: "", status: 0 };
    });
  }
  host;
  io;
  vars = /* @__PURE__ */ new Map();
  /** Extra commands (the CLI adds its own). */
  commands = /* @__PURE__ */ new Map();
  lastStatus = 0;
  lineNo = 0;
  /** Runs a whole script; returns one result per simple command run. */
  run(script) {
    const results = [];
    let lists;
    try {
      lists = parseScript(script);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        return [{ cmd: "", stdout: "", stderr: `iptwin: line ${e.line}: ${e.message}
`, status: 2 }];
      }
      throw e;
    }
    for (const list of lists) {
      this.lineNo = list.line;
      let status = this.lastStatus;
      let first = true;
      for (const { op, cmd } of list.items) {
        if (!first && (op === "&&" && status !== 0 || op === "||" && status === 0)) continue;
        first = false;
        const expanded = expandCommand(cmd, this.vars);
        const r = this.runSimple(expanded);
        if (r) {
          results.push(r);
          status = r.status;
        } else status = 0;
      }
      this.lastStatus = status;
      this.vars.set("?", String(status));
    }
    return results;
  }
  runSimple(c) {
    if (c.argv.length === 0) {
      for (const [k, v] of c.assignments) this.vars.set(k, v);
      return void 0;
    }
    let stdin = "";
    for (const r of c.redirects) {
      if (r.fd !== 0) continue;
      if (r.kind === "<<") stdin = r.target;
      else if (r.kind === "<") {
        try {
          stdin = this.io.readFile(r.target);
        } catch {
          return { cmd: c.text, stdout: "", stderr: `iptwin: line ${this.lineNo}: ${r.target}: No such file or directory
`, status: 1 };
        }
      }
    }
    const name = nameOf(c.argv[0]);
    const handler = this.commands.get(name);
    let res;
    if (!handler) res = { stdout: "", stderr: `iptwin: line ${this.lineNo}: ${c.argv[0]}: command not found
`, status: 127 };
    else res = handler([name, ...c.argv.slice(1)], stdin, this);
    let { stdout, stderr } = res;
    for (const r of c.redirects) {
      if (r.fd === 0) continue;
      const data = r.fd === 1 ? stdout : stderr;
      if (r.kind === ">&") {
        if (r.target === "1" && r.fd === 2) {
          stdout += stderr;
          stderr = "";
        } else if (r.target === "2" && r.fd === 1) {
          stderr += stdout;
          stdout = "";
        }
        continue;
      }
      if (r.target !== "/dev/null") this.io.writeFile(r.target, data, r.kind === ">>");
      if (r.fd === 1) stdout = "";
      else stderr = "";
    }
    return { cmd: c.text, stdout, stderr, status: res.status };
  }
};

// src/extensions/diag.ts
var pending = "";
function printWarning(text) {
  pending += text;
}
function takePrintWarnings() {
  const t = pending;
  pending = "";
  return t;
}

// src/engine/validate.ts
var STANDARD = /* @__PURE__ */ new Set(["ACCEPT", "DROP", "QUEUE", "RETURN", ""]);
function jumpTarget(rule) {
  if (rule.target !== null || rule.jumpto === "") return void 0;
  if (rule.jumpto === "" || STANDARD.has(rule.jumpto) && !(rule.ip.flags & IPT_F_GOTO)) return void 0;
  return rule.jumpto;
}
function checkRule(table, chain, rule, peers) {
  const e = checkRuleIp(rule);
  if (e) return e;
  const hookMask = chain.hook >= 0 ? 1 << chain.hook : 0;
  return checkRuleHooks(table, chain, rule, hookMask, peers ?? (() => []));
}
function checkRuleIp(rule) {
  const ip2 = rule.ip;
  if (ip2.invflags & IPT_INV_SRCIP && ip2.smsk === 0 || ip2.invflags & IPT_INV_DSTIP && ip2.dmsk === 0) return { errno: "EINVAL" };
  return void 0;
}
function checkRuleHooks(table, chain, rule, hookMask, peers) {
  const ctx = { table: table.name, hookMask, ip: rule.ip, chain: chain.name, peers, checkentry: peers !== void 0 };
  for (const m of rule.matches) {
    const e = m.ext.kernelCheck?.(m.data, ctx);
    if (e) return e;
  }
  const t = rule.target;
  if (t) {
    const ext = t.ext;
    if (ext.tables && !ext.tables.includes(table.name)) return { errno: "EINVAL" };
    if (ext.hooks !== void 0 && hookMask & ~ext.hooks) return { errno: "EINVAL" };
    const proto2 = targetProto(ext.name);
    if (proto2 !== void 0 && (rule.ip.proto !== proto2 || rule.ip.invflags & IPT_INV_PROTO)) return { errno: "EINVAL" };
    const e = ext.kernelCheck?.(t.data, ctx);
    if (e) return e;
  }
  return void 0;
}
function targetProto(name) {
  switch (name) {
    case "TCPMSS":
    case "TCPOPTSTRIP":
      return 6;
    default:
      return void 0;
  }
}
function validateTable(table) {
  if (quickValid(table)) return {};
  return validateTablePrecise(table);
}
function quickValid(table) {
  const chains = [...table.chains.values(), ...table.foreign ?? []];
  const edges = /* @__PURE__ */ new Map();
  for (const c of chains) {
    let out;
    for (const r of c.rules) {
      const j = jumpTarget(r);
      if (j === void 0) continue;
      const next = table.chains.get(j);
      if (next) (out ??= []).push(next);
    }
    if (out) edges.set(c, out);
  }
  const state = /* @__PURE__ */ new Map();
  const order = [];
  for (const base of chains) {
    if (base.hook < 0 || state.has(base)) continue;
    const stack = [[base, 0]];
    state.set(base, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const out = edges.get(top[0]);
      if (out && top[1] < out.length) {
        const next = out[top[1]++];
        const st = state.get(next);
        if (st === 1) return false;
        if (st === void 0) {
          state.set(next, 1);
          stack.push([next, 0]);
        }
      } else {
        state.set(top[0], 2);
        order.push(top[0]);
        stack.pop();
      }
    }
  }
  order.reverse();
  const mask = /* @__PURE__ */ new Map();
  const depth = /* @__PURE__ */ new Map();
  for (const c of order) {
    if (c.hook >= 0) {
      mask.set(c, (mask.get(c) ?? 0) | 1 << c.hook);
      depth.set(c, Math.max(depth.get(c) ?? 0, 0));
    }
    const m = mask.get(c) ?? 0;
    const d = depth.get(c) ?? 0;
    if (d + 1 >= JUMP_STACK_SIZE && edges.has(c)) return false;
    for (const next of edges.get(c) ?? []) {
      mask.set(next, (mask.get(next) ?? 0) | m);
      depth.set(next, Math.max(depth.get(next) ?? 0, d + 1));
    }
  }
  for (const c of order) {
    if (c.hook >= 0) continue;
    const m = mask.get(c) ?? 0;
    for (const rule of c.rules) {
      if ((rule.hookOk ?? hookOkInit(rule)) === -1 || (rule.hookOk & m) === m) continue;
      for (let h = 0; h < 5; h++) {
        const bit = 1 << h;
        if (!(m & bit) || rule.hookOk & bit) continue;
        if (checkRuleHooks(table, c, rule, bit)) return false;
        rule.hookOk |= bit;
      }
    }
  }
  return true;
}
function validateTablePrecise(table) {
  for (const base of [...table.chains.values(), ...table.foreign ?? []]) {
    if (base.hook < 0) continue;
    const r = walk(table, base, 1 << base.hook, [], /* @__PURE__ */ new Map());
    if (r) return r;
  }
  return {};
}
function hookOkInit(rule) {
  const t = rule.target;
  let sensitive = t !== null && (t.ext.hooks !== void 0 || t.ext.kernelCheck !== void 0 || t.ext.tables !== void 0);
  if (!sensitive) {
    for (const m of rule.matches) if (m.ext.kernelCheck) sensitive = true;
  }
  rule.hookOk = sensitive ? 0 : -1;
  return rule.hookOk;
}
var JUMP_STACK_SIZE = 16;
function walk(table, chain, hookMask, stack, done) {
  if (stack.includes(chain.name) || stack.length >= JUMP_STACK_SIZE) return { error: { errno: "EMLINK" }, chain: chain.name };
  if ((done.get(chain.name) ?? -1) >= stack.length) return void 0;
  const level = stack.length;
  stack.push(chain.name);
  for (const rule of chain.rules) {
    if (hookMask !== 0 && chain.hook < 0 && (rule.hookOk ?? hookOkInit(rule)) !== -1 && (rule.hookOk & hookMask) !== hookMask) {
      const e = checkRuleHooks(table, chain, rule, hookMask);
      if (!e) rule.hookOk |= hookMask;
      if (e) {
        stack.pop();
        return { error: e, rule, chain: chain.name, path: [{ rule, chain: chain.name }] };
      }
    }
    const j = jumpTarget(rule);
    if (j === void 0) continue;
    const next = table.chains.get(j);
    if (!next) continue;
    const r = walk(table, next, hookMask, stack, done);
    if (r) {
      stack.pop();
      const path = [...r.path ?? [], { rule, chain: chain.name }];
      return r.rule ? { ...r, path } : { ...r, rule, chain: chain.name, path };
    }
  }
  stack.pop();
  done.set(chain.name, level);
  return void 0;
}

// src/compat/iptables/legacy-kernel.ts
function endsPath(r) {
  const ip2 = r.ip;
  const uncond = r.matches.length === 0 && !ip2.src && !ip2.smsk && !ip2.dst && !ip2.dmsk && ip2.iniface === "" && ip2.outiface === "" && !ip2.proto && !ip2.flags && !ip2.invflags;
  return uncond && r.target?.ext.name === "standard" && VERDICTS.has(r.jumpto);
}
function markSourceChains(t) {
  const masks = /* @__PURE__ */ new Map();
  for (const base of orderedChains(t)) {
    if (base.hook < 0) continue;
    const bit = 1 << base.hook;
    const visited = /* @__PURE__ */ new Set();
    const path = /* @__PURE__ */ new Set();
    const walk2 = (c) => {
      if (path.has(c.name)) return false;
      if (visited.has(c.name)) return true;
      visited.add(c.name);
      path.add(c.name);
      for (const r of c.rules) {
        masks.set(r, (masks.get(r) ?? 0) | bit);
        if (endsPath(r)) break;
        if (r.target !== null || r.jumpto === "" || VERDICTS.has(r.jumpto)) continue;
        const next = t.chains.get(r.jumpto);
        if (next && !walk2(next)) return false;
      }
      path.delete(c.name);
      return true;
    };
    if (!walk2(base)) return "ELOOP";
  }
  return masks;
}
var maskCache = /* @__PURE__ */ new WeakMap();
function cachedMasks(t) {
  let m = maskCache.get(t);
  if (!m) {
    m = markSourceChains(t);
    maskCache.set(t, m);
  }
  return m;
}
var IPPROTO_TCP2 = 6;
var IPPROTO_UDP2 = 17;
var TCPHDR_SYN = 2;
var XT_TCP_INV_FLAGS = 4;
function legacyOnlyCheck(t, rule) {
  const ip2 = rule.ip;
  for (const m of rule.matches) {
    const proto2 = m.ext.name === "tcp" ? IPPROTO_TCP2 : m.ext.name === "udp" ? IPPROTO_UDP2 : 0;
    if (proto2 && (ip2.proto !== proto2 || ip2.invflags & IPT_INV_PROTO)) return "EINVAL";
  }
  const target = rule.target?.ext.name;
  if (target === "TCPMSS") {
    const syn = rule.matches.some(
      (m) => m.ext.name === "tcp" && m.data.flgCmp & TCPHDR_SYN && !(m.data.invflags & XT_TCP_INV_FLAGS)
    );
    if (!syn) return "EINVAL";
  }
  if (target === "TRACE" && t.name !== "raw") return "EINVAL";
  for (const m of rule.matches) {
    if (m.ext.name === "limit" && (m.data.burst === 0 || userToCredits(Math.imul(m.data.avg, m.data.burst) >>> 0) < userToCredits(m.data.avg)))
      return "ERANGE";
  }
  return void 0;
}
var HZ_CREDITS = 250 * 128;
var XT_LIMIT_SCALE = 1e4;
function userToCredits(user) {
  if (user > Math.floor(4294967295 / HZ_CREDITS)) return Math.imul(Math.floor(user / XT_LIMIT_SCALE), HZ_CREDITS) >>> 0;
  return Math.floor(user * HZ_CREDITS / XT_LIMIT_SCALE);
}
var NFLOG_PREFIX_MAX = 63;
function legacyBlob(rule) {
  const t = rule.target;
  if (t?.ext.name === "NFLOG") {
    const bytes = new TextEncoder().encode(t.data.prefix);
    if (bytes.length > NFLOG_PREFIX_MAX) {
      const prefix = new TextDecoder().decode(bytes.subarray(0, NFLOG_PREFIX_MAX));
      return { ...rule, target: { ext: t.ext, data: { ...t.data, prefix } } };
    }
  }
  return rule;
}
function translateTable(h) {
  const t = h.work;
  const masks = markSourceChains(t);
  if (masks === "ELOOP") return "ELOOP";
  const before2 = cachedMasks(h.original);
  const oldMasks = before2 === "ELOOP" ? /* @__PURE__ */ new Map() : before2;
  const checked = [];
  const peers = () => {
    const held = [];
    const add = (r) => {
      for (const m of r.matches) held.push(m);
      if (r.target) held.push(r.target);
    };
    for (const tab of h.env.ruleset.tables.values()) for (const c of tab.chains.values()) c.rules.forEach(add);
    checked.forEach(add);
    return held;
  };
  for (const c of orderedChains(t)) {
    for (const r of c.rules) {
      const mask = masks.get(r) ?? 0;
      const added = h.added.has(r);
      if (!added && mask === (oldMasks.get(r) ?? 0)) continue;
      const own = legacyOnlyCheck(t, r);
      if (own) return own;
      const e = checkRuleHooks(t, c, r, mask, peers);
      if (e) return e.errno;
      if (added) checked.push(r);
    }
  }
  maskCache.set(t, masks);
  return void 0;
}

// src/compat/iptables/nft-errors.ts
var STRERROR = {
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  E2BIG: "Argument list too long",
  EBUSY: "Device or resource busy",
  EINVAL: "Invalid argument",
  ELOOP: "Too many levels of symbolic links",
  ENOTEMPTY: "Directory not empty",
  EMLINK: "Too many links",
  ERANGE: "Numerical result out of range",
  EOPNOTSUPP: "Operation not supported",
  ENOMEM: "Cannot allocate memory",
  EPERM: "Operation not permitted",
  ENXIO: "No such device or address",
  EAGAIN: "Resource temporarily unavailable",
  "0": "Success"
};
var TABLE = [
  ["chain_del", "ENOTEMPTY", "Chain is not empty"],
  ["chain_del", "EBUSY", "Directory not empty"],
  ["chain_del", "EMLINK", "Can't delete chain with references left"],
  ["chain_user_add", "EEXIST", "Chain already exists"],
  ["chain_user_rename", "EEXIST", "File exists"],
  ["rule_insert", "E2BIG", "Index of insertion too big"],
  ["rule_check", "ENOENT", "Bad rule (does a matching rule exist in that chain?)"],
  ["rule_replace", "E2BIG", "Index of replacement too big"],
  ["rule_delete_num", "E2BIG", "Index of deletion too big"],
  ["rule_delete", "ENOENT", "Bad rule (does a matching rule exist in that chain?)"],
  ["chain_set", "ENOENT", "Bad built-in chain name"],
  ["chain_set", "EINVAL", "Bad policy name"],
  ["chain_set", "ENXIO", "Bad table name"],
  [null, "ELOOP", "Loop found in table"],
  [null, "EPERM", "Permission denied (you must be root)"],
  [null, "0", "Incompatible with this kernel"],
  [null, "ENOMEM", "Memory allocation problem"],
  [null, "ENOENT", "No chain/target/match by that name"]
];
function nftStrerror(fn, errno) {
  for (const [f, e, msg] of TABLE) if ((f === null || f === fn) && e === errno) return msg;
  return STRERROR[errno];
}
var NftOpError = class extends Error {
  constructor(fn, errno) {
    super(`${fn}: ${errno}`);
    this.fn = fn;
    this.errno = errno;
  }
  fn;
  errno;
  /** What the command printed before the operation failed (a -v echo, say). */
  stdout = "";
};
function kernelFailureText(f) {
  const head = f.line ? `
line ${f.line}: ${f.type} failed (${STRERROR[f.errno]})` : ` ${f.type} failed (${STRERROR[f.errno]})`;
  return `${head}: ${f.what}`;
}

// src/compat/iptables/legacy.ts
var STRERROR_TABLE = [
  ["INIT", "EPERM", "Permission denied (you must be root)"],
  ["INIT", "EINVAL", "Module is wrong version"],
  ["INIT", "ENOENT", "Table does not exist (do you need to insmod?)"],
  ["DELETE_CHAIN", "ENOTEMPTY", "Chain is not empty"],
  ["DELETE_CHAIN", "EINVAL", "Can't delete built-in chain"],
  ["DELETE_CHAIN", "EMLINK", "Can't delete chain with references left"],
  ["CREATE_CHAIN", "EEXIST", "Chain already exists"],
  ["INSERT_ENTRY", "E2BIG", "Index of insertion too big"],
  ["REPLACE_ENTRY", "E2BIG", "Index of replacement too big"],
  ["DELETE_NUM_ENTRY", "E2BIG", "Index of deletion too big"],
  ["ZERO_COUNTER", "E2BIG", "Index of counter too big"],
  ["INSERT_ENTRY", "ELOOP", "Loop found in table"],
  ["INSERT_ENTRY", "EINVAL", "Target problem"],
  ["DELETE_ENTRY", "ENOENT", "Bad rule (does a matching rule exist in that chain?)"],
  ["SET_POLICY", "ENOENT", "Bad built-in chain name"],
  ["SET_POLICY", "EINVAL", "Bad policy name"],
  [null, "0", "Incompatible with this kernel"],
  [null, "ENOMEM", "Memory allocation problem"],
  [null, "ENOENT", "No chain/target/match by that name"]
];
function legacyStrerror(fn, errno) {
  for (const [f, e, msg] of STRERROR_TABLE) if ((f === null || f === fn) && e === errno) return msg;
  return STRERROR[errno] ?? errno;
}
var LegacyExit = class extends Error {
  constructor(stderr, status) {
    super(stderr);
    this.stderr = stderr;
    this.status = status;
  }
  stderr;
  status;
};
var VERDICTS = /* @__PURE__ */ new Set(["ACCEPT", "DROP", "QUEUE", "RETURN"]);
var TABLE_MAXNAMELEN = 32;
var CHAINLABEL_SIZE = 32;
function legacyInit(rs, name) {
  if (name.length >= TABLE_MAXNAMELEN) return { errno: "EINVAL" };
  const def = findBuiltinTable(name);
  if (!def) return { errno: "ENOENT" };
  const t = rs.tables.get(name);
  if (t?.exists) return { table: t };
  const fresh4 = newTable(def, true);
  for (const c of fresh4.chains.values()) c.counting = true;
  rs.tables.delete(name);
  rs.tables.set(name, fresh4);
  return { table: fresh4 };
}
function legacyLoadedTables(rs) {
  return [...rs.tables.values()].filter((t) => t.exists).reverse();
}
var LegacyHandle = class {
  constructor(env, original) {
    this.env = env;
    this.original = original;
    this.work = cloneTable(original);
  }
  env;
  original;
  work;
  changed = false;
  fn = "INIT";
  errno = "0";
  stdout = "";
  /** Rules this handle put in the table (the kernel checks them with peers). */
  added = /* @__PURE__ */ new Set();
  /** Jump rules added here: their target blob still names the chain, which print_rule4 cannot load. */
  namedJumps = /* @__PURE__ */ new Map();
  /** Built-in chains whose policy counters this handle set (-P, restore's `:CHAIN POLICY`). */
  policyCounters = /* @__PURE__ */ new Set();
  /** Rules from the kernel whose counters -Z zeroes at the commit (COUNTER_MAP_ZEROED). */
  zeroed = /* @__PURE__ */ new Set();
  fail(errno) {
    this.errno = errno;
    return false;
  }
  /** iptcc_find_label(): built-in and user chains (not the verdict names). */
  find(name) {
    return this.work.chains.get(name);
  }
  isChain(name) {
    this.fn = "IS_CHAIN";
    return this.work.chains.has(name);
  }
  /** TC_BUILTIN(): 1 built-in, 0 user chain or none (errno ENOENT). */
  builtin(name) {
    this.fn = "BUILTIN";
    const c = this.find(name);
    if (!c) {
      this.errno = "ENOENT";
      return false;
    }
    return c.hook >= 0;
  }
  chains() {
    this.fn = "NEXT_CHAIN";
    return orderedChains(this.work);
  }
  /** iptcc_map_target(): verdicts, chain jumps, or a module target the kernel will judge. */
  mapTarget(rule) {
    const name = rule.target === null || rule.target.ext.name === "standard" ? rule.jumpto : null;
    if (name === null) {
      this.builtin(rule.jumpto);
      return true;
    }
    if (name === "" || VERDICTS.has(name)) return true;
    if (this.builtin(name)) return this.fail("EINVAL");
    return true;
  }
  store(rule) {
    const r = { ...rule };
    this.added.add(r);
    if (r.target === null && r.jumpto !== "") this.namedJumps.set(r, r.jumpto);
    return r;
  }
  append(chain, rule) {
    this.fn = "APPEND_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (!this.mapTarget(rule)) return false;
    c.rules.push(this.store(rule));
    this.changed = true;
    return true;
  }
  /** rulenum is 0-based. */
  insert(chain, rule, rulenum) {
    this.fn = "INSERT_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (rulenum > c.rules.length) return this.fail("E2BIG");
    if (!this.mapTarget(rule)) return false;
    c.rules.splice(rulenum, 0, this.store(rule));
    this.changed = true;
    return true;
  }
  replace(chain, rule, rulenum) {
    this.fn = "REPLACE_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (rulenum >= c.rules.length) return this.fail("E2BIG");
    if (!this.mapTarget(rule)) return false;
    c.rules[rulenum] = this.store(rule);
    this.changed = true;
    return true;
  }
  /** delete_entry(): the first rule equal to `rule` (is_same + target_same); dry run for -C. */
  deleteEntry(chain, rule, dryRun) {
    this.fn = "DELETE_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (!this.mapTarget(rule)) return false;
    const key = compareKey(rule, this.env.db);
    const i = c.rules.findIndex((r) => compareKey(r, this.env.db) === key);
    if (i < 0) return this.fail("ENOENT");
    if (dryRun) return true;
    c.rules.splice(i, 1);
    this.changed = true;
    return true;
  }
  deleteNum(chain, rulenum) {
    this.fn = "DELETE_NUM_ENTRY";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    if (rulenum >= c.rules.length) return this.fail("E2BIG");
    c.rules.splice(rulenum, 1);
    this.changed = true;
    return true;
  }
  flush(chain) {
    this.fn = "FLUSH_ENTRIES";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    c.rules = [];
    this.changed = true;
    return true;
  }
  /**
   * TC_ZERO_ENTRIES(): counters read from the kernel are marked zeroed (they
   * read as before until the commit); counters set in this handle stay.
   */
  zero(chain) {
    this.fn = "ZERO_ENTRIES";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    for (const r of c.rules) if (!this.added.has(r)) this.zeroed.add(r);
    this.changed = true;
    return true;
  }
  /** iptc_zero_counter(): rulenum is 1-based here. */
  zeroCounter(chain, rulenum) {
    this.fn = "ZERO_COUNTER";
    const c = this.find(chain);
    if (!c) return this.fail("ENOENT");
    const r = rulenum >= 1 ? c.rules[rulenum - 1] : void 0;
    if (!r) return this.fail("E2BIG");
    if (!this.added.has(r)) this.zeroed.add(r);
    this.changed = true;
    return true;
  }
  createChain(name) {
    this.fn = "CREATE_CHAIN";
    if (this.find(name) || VERDICTS.has(name)) return this.fail("EEXIST");
    if (name.length + 1 > CHAINLABEL_SIZE) return this.fail("EINVAL");
    this.work.chains.set(name, newUserChain(name));
    this.changed = true;
    return true;
  }
  references(name) {
    this.fn = "GET_REFERENCES";
    let n = 0;
    for (const c of this.work.chains.values()) for (const r of c.rules) if (r.target === null && r.jumpto === name) n++;
    return n;
  }
  deleteChain(name) {
    this.fn = "DELETE_CHAIN";
    const c = this.find(name);
    if (!c) return this.fail("ENOENT");
    if (this.builtin(name)) return this.fail("EINVAL");
    if (this.references(name) > 0) return this.fail("EMLINK");
    if (c.rules.length) return this.fail("ENOTEMPTY");
    this.work.chains.delete(name);
    this.changed = true;
    return true;
  }
  rename(oldName, newName) {
    this.fn = "RENAME_CHAIN";
    if (this.find(newName) || VERDICTS.has(newName)) return this.fail("EEXIST");
    if (!this.find(oldName) || this.builtin(oldName)) return this.fail("ENOENT");
    if (newName.length + 1 > CHAINLABEL_SIZE) return this.fail("EINVAL");
    const chains = /* @__PURE__ */ new Map();
    for (const [k, v] of this.work.chains) {
      const ch2 = k === oldName ? { ...v, name: newName } : v;
      if (ch2.rules.some((r) => r.target === null && r.jumpto === oldName)) {
        ch2.rules = ch2.rules.map((r) => {
          if (r.target !== null || r.jumpto !== oldName) return r;
          const moved = { ...r, jumpto: newName, saveText: void 0 };
          const named = this.namedJumps.get(r);
          if (named !== void 0) this.namedJumps.set(moved, named);
          if (this.added.has(r)) this.added.add(moved);
          return moved;
        });
      }
      chains.set(k === oldName ? newName : k, ch2);
    }
    this.work.chains = chains;
    this.changed = true;
    return true;
  }
  setPolicy(chain, policy, counters) {
    this.fn = "SET_POLICY";
    const c = this.find(chain);
    if (!c || c.hook < 0) return this.fail("ENOENT");
    if (policy !== "ACCEPT" && policy !== "DROP") return this.fail("EINVAL");
    c.policy = policy;
    c.pcnt = counters?.pcnt ?? 0;
    c.bcnt = counters?.bcnt ?? 0;
    this.policyCounters.add(c.name);
    this.changed = true;
    return true;
  }
  /** TC_COMMIT(): the kernel's translate_table() over the whole new table. */
  commit() {
    this.fn = "COMMIT";
    if (!this.changed) return true;
    const errno = translateTable(this);
    if (errno) return this.fail(errno);
    const stored = this.work;
    for (const c of stored.chains.values()) {
      if (this.zeroed.size) c.rules = c.rules.map((r) => this.zeroed.has(r) ? { ...r, pcnt: 0, bcnt: 0 } : r);
      if (c.rules.some((r) => r.matches.some((m) => m.ext.readback) || r.target?.ext.readback))
        c.rules = c.rules.map(readback);
      if (c.hook >= 0 && !this.policyCounters.has(c.name)) {
        c.pcnt = 0;
        c.bcnt = 0;
      }
    }
    this.env.ruleset.tables.set(stored.name, stored);
    return true;
  }
};
var keys = /* @__PURE__ */ new WeakMap();
function compareKey(rule, db) {
  let k = keys.get(rule);
  if (k === void 0) {
    const ip2 = rule.ip;
    const masked = ip2.iniface === "+" || ip2.outiface === "+" ? {
      ...rule,
      ip: {
        ...ip2,
        iniface: ip2.iniface === "+" ? "" : ip2.iniface,
        outiface: ip2.outiface === "+" ? "" : ip2.outiface
      },
      saveText: void 0
    } : rule;
    k = `${ip2.invflags}|${ruleKey(masked, db)}`;
    keys.set(rule, k);
  }
  return k;
}
function readback(rule) {
  const t = rule.target;
  if (!t?.ext.readback && !rule.matches.some((m) => m.ext.readback)) return rule;
  return {
    ...rule,
    matches: rule.matches.map((m) => m.ext.readback ? { ext: m.ext, data: m.ext.readback(m.data) } : m),
    target: t?.ext.readback ? { ext: t.ext, data: t.ext.readback(t.data) } : t,
    saveText: void 0
  };
}
function legacyOpen(env, table) {
  const r = legacyInit(env.ruleset, table);
  if ("errno" in r) return r;
  return new LegacyHandle(env, r.table);
}

// src/compat/iptables/legacy-dump.ts
var ENTRY = 112;
var HDR = 32;
var STANDARD2 = 40;
var ERROR = 64;
var MATCH_SIZES = {
  addrtype: [16, 8],
  ah: [16],
  bpf: [528, 528],
  cgroup: [8, 4112, 528],
  cluster: [16],
  comment: [256],
  connbytes: [24],
  connlabel: [8],
  connlimit: [32, 32],
  connmark: [24, 16],
  conntrack: [0, 152, 160, 168],
  cpu: [8],
  dccp: [16],
  devgroup: [24],
  dscp: [8],
  ecn: [8],
  esp: [16],
  hashlimit: [64, 56, 304, 312],
  helper: [40],
  icmp: [8],
  ipcomp: [16],
  iprange: [0, 72],
  ipvs: [40],
  length: [8],
  limit: [40],
  mac: [16],
  mark: [24, 16],
  multiport: [32, 48],
  nfacct: [40, 40],
  osf: [48],
  owner: [40, 24],
  physdev: [72],
  pkttype: [8],
  policy: [312],
  quota: [24],
  rateest: [72],
  realm: [16],
  recent: [216, 232],
  rpfilter: [8],
  sctp: [296],
  set: [32, 8, 8, 48, 48],
  socket: [0, 8, 8, 8],
  state: [8, 152, 160, 168],
  statistic: [24],
  string: [160, 160],
  tcp: [16],
  tcpmss: [8],
  time: [24],
  tos: [8, 8],
  ttl: [8],
  u32: [1984],
  udp: [16]
};
var TARGET_SIZES = {
  AUDIT: [8],
  CHECKSUM: [8],
  CLASSIFY: [8],
  CLUSTERIP: [64],
  CONNMARK: [24, 16, 16],
  CONNSECMARK: [8],
  CT: [40, 72, 72],
  DNAT: [24, 0, 48],
  DSCP: [8],
  ECN: [8],
  HMARK: [64],
  IDLETIMER: [40, 48],
  LED: [40],
  LOG: [32],
  MARK: [8, 16, 8],
  MASQUERADE: [24],
  NETMAP: [24],
  NFLOG: [80],
  NFQUEUE: [8, 8, 8, 8],
  NOTRACK: [40, 72, 72],
  RATEEST: [32],
  REDIRECT: [24],
  REJECT: [8],
  SECMARK: [264, 264],
  SET: [64, 8, 16, 24],
  SNAT: [24],
  SYNPROXY: [8],
  TCPMSS: [8],
  TCPOPTSTRIP: [32],
  TEE: [0, 40],
  TOS: [8, 8],
  TPROXY: [16, 32],
  TRACE: [0],
  TTL: [8],
  ULOG: [56]
};
function sizeOf(table, name, revision) {
  const s = Object.hasOwn(table, name) ? table[name][revision] : void 0;
  if (s === void 0) throw new Error(`iptwin: no kernel struct size known for ${name} revision ${revision}`);
  return s;
}
var VERDICTS2 = {
  ACCEPT: "NF_ACCEPT",
  DROP: "NF_DROP",
  QUEUE: "NF_QUEUE",
  RETURN: "RETURN"
};
function isModule(r) {
  return r.target !== null && r.target.ext.name !== "standard";
}
function ruleSize(r) {
  let n = ENTRY;
  for (const m of r.matches) n += HDR + sizeOf(MATCH_SIZES, m.ext.name, m.ext.revision);
  if (isModule(r)) n += HDR + sizeOf(TARGET_SIZES, r.target.ext.name, r.target.ext.revision);
  else n += STANDARD2;
  return n;
}
function ifaceMask(name) {
  let n = name.length + 1;
  if (name.endsWith("+")) n = name.length - 1;
  if (name === "") n = 0;
  n = Math.min(n, 16);
  return "X".repeat(n) + ".".repeat(16 - n);
}
var hex22 = (n) => n.toString(16).toUpperCase().padStart(2, "0");
function dumpEntries(t) {
  const entries = [];
  const chainStart = /* @__PURE__ */ new Map();
  const hookEntry = [-1, -1, -1, -1, -1];
  const underflow = [-1, -1, -1, -1, -1];
  let off = 0;
  const offsets = [];
  const push = (e) => {
    offsets.push(off);
    entries.push(e);
    off += e.size;
  };
  const chains = orderedChains(t);
  const pending2 = [];
  for (const c of chains) {
    if (c.hook < 0) {
      push({
        size: ENTRY + ERROR,
        target: { kind: "error", text: c.name },
        pcnt: 0,
        bcnt: 0
      });
    }
    chainStart.set(c.name, off);
    if (c.hook >= 0) hookEntry[c.hook] = off;
    for (const r of c.rules) {
      pending2.push({ index: entries.length, rule: r });
      const target = isModule(r) ? {
        kind: "module",
        name: r.target.ext.realName ?? r.target.ext.name,
        size: HDR + sizeOf(TARGET_SIZES, r.target.ext.name, r.target.ext.revision)
      } : { kind: "standard", verdict: 0 };
      push({ rule: r, size: ruleSize(r), target, pcnt: r.pcnt, bcnt: r.bcnt });
    }
    if (c.hook >= 0) {
      underflow[c.hook] = off;
      push({
        size: ENTRY + STANDARD2,
        target: { kind: "standard", verdict: VERDICTS2[c.policy ?? "ACCEPT"] },
        pcnt: c.pcnt,
        bcnt: c.bcnt
      });
    } else {
      push({
        size: ENTRY + STANDARD2,
        target: { kind: "standard", verdict: "RETURN" },
        pcnt: 0,
        bcnt: 0
      });
    }
  }
  push({
    size: ENTRY + ERROR,
    target: { kind: "error", text: "ERROR" },
    pcnt: 0,
    bcnt: 0
  });
  for (const { index, rule } of pending2) {
    const e = entries[index];
    if (e.target.kind !== "standard") continue;
    if (rule.target !== null) e.target.verdict = VERDICTS2[rule.jumpto] ?? "UNKNOWN";
    else if (rule.jumpto === "") e.target.verdict = offsets[index] + e.size;
    else e.target.verdict = chainStart.get(rule.jumpto) ?? 0;
  }
  const hx3 = (n) => n < 0 ? "ffffffff" : n.toString(16);
  let out = `libiptc vlibxtables.so.12. ${off} bytes.
`;
  out += `Table \`${t.name}'
`;
  out += `Hooks: pre/in/fwd/out/post = ${hookEntry.map(hx3).join("/")}
`;
  out += `Underflows: pre/in/fwd/out/post = ${underflow.map(hx3).join("/")}
`;
  entries.forEach((e, i) => {
    const ip2 = e.rule?.ip;
    out += `Entry ${i} (${offsets[i]}):
`;
    out += `SRC IP: ${formatIPv4(ip2?.src ?? 0)}/${formatIPv4(ip2?.smsk ?? 0)}
`;
    out += `DST IP: ${formatIPv4(ip2?.dst ?? 0)}/${formatIPv4(ip2?.dmsk ?? 0)}
`;
    const inI = ip2?.iniface ?? "";
    const outI = ip2?.outiface ?? "";
    out += `Interface: \`${inI}'/${ifaceMask(inI)}to \`${outI}'/${ifaceMask(outI)}
`;
    out += `Protocol: ${ip2?.proto ?? 0}
`;
    out += `Flags: ${hex22(ip2?.flags ?? 0)}
`;
    out += `Invflags: ${hex22(ip2?.invflags ?? 0)}
`;
    out += `Counters: ${e.pcnt} packets, ${e.bcnt} bytes
`;
    out += "Cache: 00000000\n";
    for (const m of e.rule?.matches ?? []) out += `Match name: \`${m.ext.realName ?? m.ext.name}'
`;
    const tg = e.target;
    if (tg.kind === "standard") {
      out += `Target name: \`' [${STANDARD2}]
`;
      out += `verdict=${tg.verdict}
`;
    } else if (tg.kind === "error") {
      out += `Target name: \`ERROR' [${ERROR}]
`;
      out += `error=\`${tg.text}'
`;
    } else {
      out += `Target name: \`${tg.name}' [${tg.size}]
`;
    }
    out += "\n";
  });
  return out;
}

// src/compat/iptables/parse.ts
var CMD_NONE = 0;
var CMD_INSERT = 1 << 0;
var CMD_DELETE = 1 << 1;
var CMD_DELETE_NUM = 1 << 2;
var CMD_REPLACE = 1 << 3;
var CMD_APPEND = 1 << 4;
var CMD_LIST = 1 << 5;
var CMD_FLUSH = 1 << 6;
var CMD_ZERO = 1 << 7;
var CMD_NEW_CHAIN = 1 << 8;
var CMD_DELETE_CHAIN = 1 << 9;
var CMD_SET_POLICY = 1 << 10;
var CMD_RENAME_CHAIN = 1 << 11;
var CMD_LIST_RULES = 1 << 12;
var CMD_ZERO_NUM = 1 << 13;
var CMD_CHECK = 1 << 14;
var NUMBER_OF_CMD = 15;
var OPT_NUMERIC = 1 << 0;
var OPT_SOURCE = 1 << 1;
var OPT_DESTINATION = 1 << 2;
var OPT_PROTOCOL = 1 << 3;
var OPT_JUMP = 1 << 4;
var OPT_VERBOSE = 1 << 5;
var OPT_EXPANDED = 1 << 6;
var OPT_VIANAMEIN = 1 << 7;
var OPT_VIANAMEOUT = 1 << 8;
var OPT_LINENUMBERS = 1 << 9;
var OPT_COUNTERS = 1 << 10;
var OPT_FRAGMENT = 1 << 11;
var IPT_OPTSTRING = "-:A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:p:s:t:R:S::W::46bfg:h::m:nvw::x";
var ORIGINAL_OPTS = [
  { name: "append", hasArg: 1, val: ch("A") },
  { name: "delete", hasArg: 1, val: ch("D") },
  { name: "check", hasArg: 1, val: ch("C") },
  { name: "insert", hasArg: 1, val: ch("I") },
  { name: "replace", hasArg: 1, val: ch("R") },
  { name: "list", hasArg: 2, val: ch("L") },
  { name: "list-rules", hasArg: 2, val: ch("S") },
  { name: "flush", hasArg: 2, val: ch("F") },
  { name: "zero", hasArg: 2, val: ch("Z") },
  { name: "new-chain", hasArg: 1, val: ch("N") },
  { name: "delete-chain", hasArg: 2, val: ch("X") },
  { name: "rename-chain", hasArg: 1, val: ch("E") },
  { name: "policy", hasArg: 1, val: ch("P") },
  { name: "source", hasArg: 1, val: ch("s") },
  { name: "destination", hasArg: 1, val: ch("d") },
  { name: "src", hasArg: 1, val: ch("s") },
  { name: "dst", hasArg: 1, val: ch("d") },
  { name: "protocol", hasArg: 1, val: ch("p") },
  { name: "in-interface", hasArg: 1, val: ch("i") },
  { name: "jump", hasArg: 1, val: ch("j") },
  { name: "table", hasArg: 1, val: ch("t") },
  { name: "match", hasArg: 1, val: ch("m") },
  { name: "numeric", hasArg: 0, val: ch("n") },
  { name: "out-interface", hasArg: 1, val: ch("o") },
  { name: "verbose", hasArg: 0, val: ch("v") },
  { name: "wait", hasArg: 2, val: ch("w") },
  { name: "wait-interval", hasArg: 2, val: ch("W") },
  { name: "exact", hasArg: 0, val: ch("x") },
  { name: "fragments", hasArg: 0, val: ch("f") },
  { name: "version", hasArg: 0, val: ch("V") },
  { name: "help", hasArg: 2, val: ch("h") },
  { name: "line-numbers", hasArg: 0, val: ch("0") },
  { name: "modprobe", hasArg: 1, val: ch("M") },
  { name: "set-counters", hasArg: 1, val: ch("c") },
  { name: "goto", hasArg: 1, val: ch("g") },
  { name: "ipv4", hasArg: 0, val: ch("4") },
  { name: "ipv6", hasArg: 0, val: ch("6") }
];
var OPTION_OFFSET_SCALE = 256;
var XT_EXTENSION_MAXNAMELEN = 29;
var OPTFLAGS2 = ["n", "s", "d", "p", "j", "v", "x", "i", "o", "0", "c", "f"];
var INVERSE_FOR_OPTIONS = [0, IPT_INV_SRCIP, IPT_INV_DSTIP, IPT_INV_PROTO, 0, 0, 0, IPT_INV_VIA_IN, IPT_INV_VIA_OUT, 0, 0, IPT_INV_FRAG];
var CMD_CHARS = ["I", "D", "D", "R", "A", "L", "F", "Z", "N", "X", "P", "E", "S", "Z", "C"];
function cmd2char(option) {
  let i = 0;
  for (let o = option; o > 1; o >>>= 1) i++;
  if (i >= CMD_CHARS.length) throw otherError(`cmd2char(): Invalid command number ${1 << i}.`);
  return CMD_CHARS[i];
}
function opt2char(option) {
  let i = 0;
  for (let o = option; o > 1; o >>>= 1) i++;
  return OPTFLAGS2[i];
}
var ParseState = class {
  matches = [];
  target = null;
  jumpto = "";
  protocol = null;
  protoUsed = false;
  options = 0;
  invflags = 0;
  proto = 0;
  /** Extension type → getopt offset, once merged. */
  offsets = /* @__PURE__ */ new Map();
  opts = ORIGINAL_OPTS;
  nextOffset = 0;
  warnings = "";
  loaded = /* @__PURE__ */ new Set();
  /** Handed to extension parsers and final checks to print a warning. */
  warn = (text) => {
    this.warnings += text;
  };
};
var entryIndex = /* @__PURE__ */ new WeakMap();
function optionEntry(ext, id) {
  let m = entryIndex.get(ext);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    for (const o of ext.options ?? []) if (!m.has(o.id)) m.set(o.id, o);
    entryIndex.set(ext, m);
  }
  return m.get(id);
}
function setOption(st, option, invflag, invert) {
  if (st.options & option) throw paramError(`multiple -${opt2char(option)} flags not allowed`);
  st.options |= option;
  if (invert) {
    let i = 0;
    while (1 << i !== option) i++;
    if (!INVERSE_FOR_OPTIONS[i]) throw paramError(`cannot have ! before -${opt2char(option)}`);
    invflag.inv |= INVERSE_FOR_OPTIONS[i];
  }
}
function hasArg(g) {
  const a = g.argv[g.optind];
  return g.optind < g.argv.length && a !== void 0 && a[0] !== "-" && a[0] !== "!";
}
function parseRulenumber(rule) {
  const v = xtStrtouiWhole(rule, 1, 2147483647);
  if (v === void 0) throw paramError(`Invalid rule number \`${rule}'`);
  return v;
}
function addCommand(cmd, newcmd, othercmds, invert) {
  if (invert) throw paramError("unexpected '!' flag");
  if (cmd.v & ~othercmds) throw paramError(`Cannot use -${cmd2char(newcmd)} with -${cmd2char(cmd.v & ~othercmds)}`);
  cmd.v |= newcmd;
}
function isCSpaceChar(c) {
  return c === " " || c === "	" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}
function assertValidChainName(name, registry, announced) {
  if (name.length >= XT_EXTENSION_MAXNAMELEN)
    throw paramError(`chain name \`${name}' too long (must be under ${XT_EXTENSION_MAXNAMELEN} chars)`);
  if (name[0] === "-" || name[0] === "!") throw paramError(`chain name not allowed to start with \`${name[0]}'`);
  if (findTargetByName(name, registry, announced)) throw paramError("chain name may not clash with target name");
  for (const c of name) if (isCSpaceChar(c)) throw paramError(`Invalid chain name \`${name}'`);
}
var STANDARD_VERDICTS2 = /* @__PURE__ */ new Set(["", "ACCEPT", "DROP", "QUEUE", "RETURN"]);
function findTargetByName(name, registry, announced) {
  if (STANDARD_VERDICTS2.has(name)) return registry.findTarget("standard");
  if (announced?.has(name)) return void 0;
  return registry.findTarget(name);
}
function xtParseTarget(name) {
  if (name.length < 1) throw paramError("Invalid target name (too short)");
  if (name.length >= XT_EXTENSION_MAXNAMELEN)
    throw paramError(`Invalid target name \`${name}' (${XT_EXTENSION_MAXNAMELEN - 1} chars max)`);
  for (const c of name) if (isCSpaceChar(c)) throw paramError(`Invalid target name \`${name}'`);
  return name;
}
var mergeCache = /* @__PURE__ */ new WeakMap();
function mergeOptions(st, ext) {
  st.nextOffset += OPTION_OFFSET_SCALE;
  const offset = st.nextOffset;
  let byExt = mergeCache.get(st.opts);
  if (!byExt) {
    byExt = /* @__PURE__ */ new Map();
    mergeCache.set(st.opts, byExt);
  }
  let merged = byExt.get(ext);
  if (!merged) {
    const mine = (ext.options ?? []).map((o) => ({
      name: o.name,
      hasArg: o.hasArg ?? (o.type !== 0 /* NONE */ ? 1 : 0),
      val: o.id + offset
    }));
    const base = ORIGINAL_OPTS.length;
    merged = [...ORIGINAL_OPTS, ...mine, ...st.opts.slice(base)];
    byExt.set(ext, merged);
  }
  st.opts = merged;
  st.offsets.set(ext, offset);
  return offset;
}
function newInstance(ext, kind, ip2) {
  return { ext, kind, data: ext.init(ip2), xflags: 0, udata: {}, completed: false, offset: 0 };
}
function loadMatch(st, ext, ip2) {
  if (ext.loadWarning && !st.loaded.has(ext)) st.warnings += ext.loadWarning;
  st.loaded.add(ext);
  for (const m of st.matches) if (m.ext === ext) m.completed = true;
  const inst = newInstance(ext, "match", ip2);
  const existing = st.offsets.get(ext);
  inst.offset = existing ?? mergeOptions(st, ext);
  st.matches.push(inst);
  return inst;
}
function matchNameCheck(name) {
  if (name.length >= XT_EXTENSION_MAXNAMELEN)
    throw paramError(`Invalid match name "${name}" (${XT_EXTENSION_MAXNAMELEN - 1} chars max)`);
}
function findProtoMatch(pname, numeric, registry) {
  const num = xtStrtouiWhole(pname, 0, 255);
  if (num !== void 0) {
    let name;
    for (const [n, v] of CHAIN_PROTOS) if (v === num) {
      name = n;
      break;
    }
    if (name === void 0 && num !== 0 && !numeric) name = getProtoByNumber(num);
    if (name === void 0) return void 0;
    matchNameCheck(name);
    return registry.findMatch(name);
  }
  matchNameCheck(pname);
  return registry.findMatch(pname === "icmpv6" || pname === "ipv6-icmp" ? "icmp6" : pname);
}
function dispatchOption(st, inst, id, g, invert, ip2, db) {
  const ext = inst.ext;
  const entry = optionEntry(ext, id);
  if (!entry) throw otherError(`Extension does not know id ${id}`);
  const cb = {
    entry,
    arg: g.optarg ?? "",
    invert,
    extName: ext.name,
    data: inst.data,
    xflags: inst.xflags,
    nvals: 0,
    val: scratchValue(),
    ip: ip2,
    getopt: g,
    db,
    udata: inst.udata,
    warn: st.warn
  };
  if (!ext.rawParse) xtablesOptionParse(cb);
  if (ext.parse) ext.parse(cb);
  if (!ext.rawParse) inst.xflags = cb.xflags | 1 << entry.id;
  else inst.xflags = cb.xflags;
}
function finalCheck(inst, ip2, st) {
  const ext = inst.ext;
  if (ext.finalCheck) {
    const warn = st ? st.warn : () => {
    };
    ext.finalCheck({ extName: ext.name, data: inst.data, xflags: inst.xflags, ip: ip2, udata: inst.udata, warn });
  }
  if (ext.options && !ext.rawParse) xtablesOptionsFcheck(ext.name, inst.xflags, ext.options);
}
function emptyIp() {
  return { src: 0, smsk: 0, dst: 0, dmsk: 0, iniface: "", outiface: "", proto: 0, flags: 0, invflags: 0 };
}
function parseInterface(arg, st) {
  if (arg.length + 1 > 16) throw paramError(`interface name \`${arg}' must be shorter than IFNAMSIZ (15)`);
  if (arg.includes("/") || arg.includes(" "))
    st.warnings += `Warning: weird character in interface \`${arg}' ('/' and ' ' are not allowed by the kernel).
`;
  return arg;
}
function parseCommand(argv, ctx) {
  const st = new ParseState();
  if (ctx.loaded) st.loaded = ctx.loaded;
  try {
    return parseCommandInner(argv, ctx, st);
  } catch (e) {
    if (e instanceof XtablesError) e.warnings = st.warnings;
    throw e;
  }
}
function parseCommandInner(argv, ctx, st) {
  const g = new Getopt(argv, IPT_OPTSTRING);
  const ip2 = emptyIp();
  const inv2 = { inv: 0 };
  const cmd = { v: CMD_NONE };
  let chain = null;
  let rulenum = 0;
  let newname = null;
  let policy = null;
  let table = ctx.table;
  let tableSet = false;
  let verbose = 0;
  let invert = false;
  let wait = null;
  let waitIntervalSet = false;
  let shost = null;
  let dhost = null;
  let iniface = "";
  let outiface = "";
  let gotoSet = false;
  let pcntStr = null;
  let pcnt = 0;
  let bcnt = 0;
  const registry = ctx.registry;
  for (; ; ) {
    const c = g.next(st.opts);
    if (c === GETOPT_END) break;
    let rerun = false;
    const optarg = g.optarg;
    switch (c) {
      case ch("A"):
        addCommand(cmd, CMD_APPEND, CMD_NONE, invert);
        chain = optarg;
        break;
      case ch("C"):
        addCommand(cmd, CMD_CHECK, CMD_NONE, invert);
        chain = optarg;
        break;
      case ch("D"):
        addCommand(cmd, CMD_DELETE, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) {
          rulenum = parseRulenumber(argv[g.optind++]);
          cmd.v = CMD_DELETE_NUM;
        }
        break;
      case ch("R"):
        addCommand(cmd, CMD_REPLACE, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) rulenum = parseRulenumber(argv[g.optind++]);
        else throw paramError(`-${cmd2char(CMD_REPLACE)} requires a rule number`);
        break;
      case ch("I"):
        addCommand(cmd, CMD_INSERT, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) rulenum = parseRulenumber(argv[g.optind++]);
        else rulenum = 1;
        break;
      case ch("L"):
        addCommand(cmd, CMD_LIST, CMD_ZERO | CMD_ZERO_NUM, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++];
        if (hasArg(g)) rulenum = parseRulenumber(argv[g.optind++]);
        break;
      case ch("S"):
        addCommand(cmd, CMD_LIST_RULES, CMD_ZERO | CMD_ZERO_NUM, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++];
        if (hasArg(g)) rulenum = parseRulenumber(argv[g.optind++]);
        break;
      case ch("F"):
        addCommand(cmd, CMD_FLUSH, CMD_NONE, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++];
        break;
      case ch("Z"):
        addCommand(cmd, CMD_ZERO, CMD_LIST | CMD_LIST_RULES, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++];
        if (hasArg(g)) {
          rulenum = parseRulenumber(argv[g.optind++]);
          cmd.v = CMD_ZERO_NUM;
        }
        break;
      case ch("N"):
        assertValidChainName(optarg, registry, ctx.announced);
        addCommand(cmd, CMD_NEW_CHAIN, CMD_NONE, invert);
        chain = optarg;
        break;
      case ch("X"):
        addCommand(cmd, CMD_DELETE_CHAIN, CMD_NONE, invert);
        if (optarg !== null) chain = optarg;
        else if (hasArg(g)) chain = argv[g.optind++];
        break;
      case ch("E"):
        addCommand(cmd, CMD_RENAME_CHAIN, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) newname = argv[g.optind++];
        else throw paramError(`-${cmd2char(CMD_RENAME_CHAIN)} requires old-chain-name and new-chain-name`);
        break;
      case ch("P"):
        addCommand(cmd, CMD_SET_POLICY, CMD_NONE, invert);
        chain = optarg;
        if (hasArg(g)) policy = argv[g.optind++];
        else throw paramError(`-${cmd2char(CMD_SET_POLICY)} requires a chain and a policy`);
        break;
      case ch("h"): {
        if (st.matches.length === 0 && st.protocol !== null) {
          const m = findProtoMatch(st.protocol, false, registry);
          if (m) loadMatch(st, m, ip2);
        }
        return { kind: "help", stdout: helpText(st), warnings: st.warnings };
      }
      case ch("p"): {
        setOption(st, OPT_PROTOCOL, inv2, invert);
        const raw = argv[g.optind - 1].toLowerCase();
        argv[g.optind - 1] = raw;
        st.protocol = raw;
        st.proto = parseProtocolName(raw);
        if (st.proto === 0 && inv2.inv & IPT_INV_PROTO) throw paramError("rule would never match protocol");
        ip2.proto = st.proto;
        ip2.invflags = inv2.inv;
        break;
      }
      case ch("s"):
        setOption(st, OPT_SOURCE, inv2, invert);
        shost = argv[g.optind - 1];
        break;
      case ch("d"):
        setOption(st, OPT_DESTINATION, inv2, invert);
        dhost = argv[g.optind - 1];
        break;
      case ch("g"):
        setOption(st, OPT_JUMP, inv2, invert);
        gotoSet = true;
        st.jumpto = xtParseTarget(optarg);
        break;
      case ch("j"): {
        setOption(st, OPT_JUMP, inv2, invert);
        const name = xtParseTarget(argv[g.optind - 1]);
        st.jumpto = name;
        const t = findTargetByName(name, registry, ctx.announced);
        if (t?.loadWarning && !st.loaded.has(t)) st.warnings += t.loadWarning;
        if (t) st.loaded.add(t);
        if (t) {
          const instT = newInstance(t, "target", ip2);
          instT.offset = mergeOptions(st, t);
          st.target = instT;
        }
        break;
      }
      case ch("i"):
        if (optarg === "") throw paramError("Empty interface is likely to be undesired");
        setOption(st, OPT_VIANAMEIN, inv2, invert);
        iniface = parseInterface(argv[g.optind - 1], st);
        break;
      case ch("o"):
        if (optarg === "") throw paramError("Empty interface is likely to be undesired");
        setOption(st, OPT_VIANAMEOUT, inv2, invert);
        outiface = parseInterface(argv[g.optind - 1], st);
        break;
      case ch("f"):
        setOption(st, OPT_FRAGMENT, inv2, invert);
        ip2.flags |= IPT_F_FRAG;
        break;
      case ch("v"):
        if (!verbose) setOption(st, OPT_VERBOSE, inv2, invert);
        verbose++;
        break;
      case ch("m"): {
        if (invert) throw paramError("unexpected ! flag before --match");
        matchNameCheck(optarg);
        const m = registry.findMatch(optarg);
        if (!m) throw paramError(`Couldn't load match \`${optarg}':No such file or directory
`);
        loadMatch(st, m, ip2);
        break;
      }
      case ch("n"):
        setOption(st, OPT_NUMERIC, inv2, invert);
        break;
      case ch("t"):
        if (invert) throw paramError("unexpected ! flag before --table");
        if (ctx.restore && tableSet) throw paramError("The -t option cannot be used in iptables-restore.\n");
        table = optarg;
        tableSet = true;
        break;
      case ch("x"):
        setOption(st, OPT_EXPANDED, inv2, invert);
        break;
      case ch("V"):
        return {
          kind: "version",
          stdout: invert ? "Not @VERSION@ ;-)\n" : "@PROGRAM@ v@VERSION@\n",
          warnings: st.warnings
        };
      case ch("w"): {
        if (ctx.restore) throw paramError("You cannot use `-w' from iptables-restore");
        let w = -1;
        if (optarg !== null) {
          const v = scanInt(optarg);
          if (v === void 0) throw paramError("wait seconds not numeric");
          w = v;
        } else if (hasArg(g)) {
          const v = scanInt(argv[g.optind++]);
          if (v === void 0) throw paramError("wait seconds not numeric");
          w = v;
        }
        wait = w;
        break;
      }
      case ch("W"): {
        if (ctx.restore) throw paramError("You cannot use `-W' from iptables-restore");
        let arg;
        if (optarg !== null) arg = optarg;
        else if (hasArg(g)) arg = argv[g.optind++];
        else throw paramError("wait interval value required");
        const usec = scanUnsigned(arg);
        if (usec === void 0) throw paramError("wait interval not numeric");
        if ((usec & 0xffffffffn) > 999999n) throw paramError(`too long usec wait ${usec & 0xffffffffn} > 999999 usec`);
        st.warnings += "Ignoring deprecated --wait-interval option.\n";
        waitIntervalSet = true;
        break;
      }
      case ch("0"):
        setOption(st, 1 << 9, inv2, invert);
        break;
      case ch("M"):
        break;
      case ch("c"): {
        setOption(st, OPT_COUNTERS, inv2, invert);
        pcntStr = optarg;
        const comma = pcntStr.indexOf(",", 1);
        let bcntStr = comma >= 0 ? pcntStr.slice(comma + 1) : null;
        if (bcntStr === null && hasArg(g)) bcntStr = argv[g.optind++];
        if (bcntStr === null) throw paramError("-c requires packet and byte counter");
        const p = scanUnsigned(pcntStr);
        if (p === void 0) throw paramError("-c packet counter not numeric");
        const b = scanUnsigned(bcntStr);
        if (b === void 0) throw paramError("-c byte counter not numeric");
        pcnt = Number(p);
        bcnt = Number(b);
        break;
      }
      case ch("4"):
        break;
      case ch("6"):
        if (ctx.restore) return emptyCommand(table, st);
        throw tryHelpError(2 /* Parameter */, "");
      case GETOPT_NONOPT:
        if (optarg === "!") {
          if (invert) throw paramError("multiple consecutive ! not allowed");
          invert = true;
          continue;
        }
        throw tryHelpError(2 /* Parameter */, `Bad argument \`${optarg}'
`);
      default:
        rerun = commandDefault(st, c, g, invert, ip2, ctx);
        break;
    }
    if (rerun) continue;
    invert = false;
  }
  if (table === "nat" && (policy === "DROP" || st.jumpto === "DROP"))
    throw paramError('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  if (!wait && waitIntervalSet) throw paramError("--wait-interval only makes sense with --wait\n");
  for (const m of st.matches) finalCheck(m, ip2, st);
  if (st.target) finalCheck(st.target, ip2, st);
  if (g.optind < argv.length) throw paramError("unknown arguments found on commandline");
  if (!cmd.v) throw paramError("no command specified");
  if (invert) throw paramError("nothing appropriate following !");
  ip2.flags = ip2.flags & IPT_F_FRAG | (gotoSet ? IPT_F_GOTO : 0);
  ip2.invflags = inv2.inv;
  ip2.iniface = iniface;
  ip2.outiface = outiface;
  const command = cmd.v;
  if (command & (CMD_REPLACE | CMD_INSERT | CMD_DELETE | CMD_APPEND | CMD_CHECK)) {
    if (!(st.options & OPT_DESTINATION)) dhost = "0.0.0.0/0";
    if (!(st.options & OPT_SOURCE)) shost = "0.0.0.0/0";
  }
  let saddrs = [];
  let daddrs = [];
  if (shost !== null) saddrs = ipParseMultiple(shost, ctx.db);
  if (dhost !== null) daddrs = ipParseMultiple(dhost, ctx.db);
  if ((saddrs.length > 1 || daddrs.length > 1) && ip2.invflags & (IPT_INV_SRCIP | IPT_INV_DSTIP))
    throw paramError("! not allowed with multiple source or destination IP addresses");
  if (command === CMD_REPLACE && (saddrs.length !== 1 || daddrs.length !== 1))
    throw paramError("Replacement rule does not specify a unique address");
  genericOptCheck(command, st.options);
  if (chain !== null && chain.length >= XT_EXTENSION_MAXNAMELEN)
    throw paramError(`chain name \`${chain}' too long (must be under ${XT_EXTENSION_MAXNAMELEN} chars)`);
  if (command === CMD_APPEND || command === CMD_DELETE || command === CMD_DELETE_NUM || command === CMD_CHECK || command === CMD_INSERT || command === CMD_REPLACE) {
    if ((chain === "PREROUTING" || chain === "INPUT") && st.options & OPT_VIANAMEOUT)
      throw paramError(`Can't use -${opt2char(OPT_VIANAMEOUT)} with ${chain}
`);
    if ((chain === "POSTROUTING" || chain === "OUTPUT") && st.options & OPT_VIANAMEIN)
      throw paramError(`Can't use -${opt2char(OPT_VIANAMEIN)} with ${chain}
`);
  }
  const rules = [];
  if (command & (CMD_APPEND | CMD_INSERT | CMD_DELETE | CMD_CHECK | CMD_REPLACE)) {
    for (const s of saddrs) {
      for (const d of daddrs) {
        const rip = { ...ip2, src: s.addr, smsk: s.mask, dst: d.addr, dmsk: d.mask };
        rules.push({
          ip: rip,
          matches: st.matches.map((m) => ({ ext: m.ext, data: m.data })),
          target: st.target ? { ext: st.target.ext, data: st.target.data } : null,
          jumpto: st.jumpto,
          pcnt,
          bcnt,
          saveText: void 0,
          hookOk: void 0
        });
      }
    }
  }
  return {
    kind: "command",
    command,
    chain,
    rulenum,
    newname,
    policy,
    table,
    verbose,
    options: st.options,
    wait,
    rules,
    counters: { pcnt, bcnt },
    warnings: st.warnings
  };
}
function emptyCommand(table, st) {
  return {
    kind: "command",
    command: CMD_NONE,
    chain: null,
    rulenum: 0,
    newname: null,
    policy: null,
    table,
    verbose: 0,
    options: 0,
    wait: null,
    rules: [],
    counters: { pcnt: 0, bcnt: 0 },
    warnings: st.warnings
  };
}
function commandDefault(st, c, g, invert, ip2, ctx) {
  const t = st.target;
  if (t && t.ext.options && c >= t.offset && c < t.offset + OPTION_OFFSET_SCALE) {
    dispatchOption(st, t, c - t.offset, g, invert, ip2, ctx.db);
    return false;
  }
  for (const m of st.matches) {
    if (m.completed || !m.ext.options) continue;
    if (c < m.offset || c >= m.offset + OPTION_OFFSET_SCALE) continue;
    dispatchOption(st, m, c - m.offset, g, invert, ip2, ctx.db);
    return false;
  }
  if (st.protocol !== null && !st.protoUsed) {
    const m = findProtoMatch(st.protocol, (st.options & OPT_NUMERIC) !== 0, ctx.registry);
    if (m) {
      st.protoUsed = true;
      loadMatch(st, m, ip2);
      g.optind--;
      return true;
    }
  }
  if (c === GETOPT_MISSING) throw paramError(`option "${g.argv[g.optind - 1]}" requires an argument`);
  if (c === GETOPT_UNKNOWN) throw paramError(`unknown option "${g.argv[g.optind - 1]}"`);
  throw paramError(`Unknown arg "${g.optarg}"`);
}
function genericOptCheck(command, options) {
  const j = 31 - Math.clz32(command);
  if (command === 1 << j && j < NUMBER_OF_CMD && (options & ILLEGAL[j]) === 0) return;
  for (let i = 0; i < OPTFLAGS2.length; i++) {
    let legal = 0;
    for (let j2 = 0; j2 < NUMBER_OF_CMD; j2++) {
      if (!(command & 1 << j2)) continue;
      const cell = TABLE2[j2][i];
      if (!(options & 1 << i)) {
        if (cell === "+") throw paramError(`You need to supply the \`-${OPTFLAGS2[i]}' option for this command`);
      } else if (cell !== "x") legal = 1;
      else if (legal === 0) legal = -1;
    }
    if (legal === -1) throw paramError(`Illegal option \`-${OPTFLAGS2[i]}' with this command`);
  }
}
var TABLE2 = [
  /*INSERT*/
  "x     x  x  ",
  /*DELETE*/
  "x     x  xx ",
  /*DELETE_NUM*/
  "xxxxx xxxxxx",
  /*REPLACE*/
  "x     x  x  ",
  /*APPEND*/
  "x     x  x  ",
  /*LIST*/
  " xxxx  xx xx",
  /*FLUSH*/
  "xxxxx xxxxxx",
  /*ZERO*/
  "xxxxx xxxxxx",
  /*NEW_CHAIN*/
  "xxxxx xxxxxx",
  /*DEL_CHAIN*/
  "xxxxx xxxxxx",
  /*SET_POLICY*/
  "xxxxx xxxx x",
  /*RENAME*/
  "xxxxx xxxxxx",
  /*LIST_RULES*/
  "xxxxx xxxxxx",
  /*ZERO_NUM*/
  "xxxxx xxxxxx",
  /*CHECK*/
  "x     x  xx "
];
var ILLEGAL = TABLE2.map((row) => {
  let m = 0;
  for (let i = 0; i < row.length; i++) if (row[i] === "x") m |= 1 << i;
  return m;
});
function helpText(st) {
  let out = BASE_HELP;
  const t = st.target;
  if (t) out += t.ext.help ? `
${t.ext.help()}` : `
${t.ext.name} does not take any options
`;
  for (const m of st.matches) out += m.ext.help ? `
${m.ext.help()}` : `
${m.ext.name} does not take any options
`;
  return out;
}
var BASE_HELP = `@PROGRAM@ v@VERSION@

Usage: @PROGRAM@ -[ACD] chain rule-specification [options]
       @PROGRAM@ -I chain [rulenum] rule-specification [options]
       @PROGRAM@ -R chain rulenum rule-specification [options]
       @PROGRAM@ -D chain rulenum [options]
       @PROGRAM@ -[LS] [chain [rulenum]] [options]
       @PROGRAM@ -[FZ] [chain] [options]
       @PROGRAM@ -[NX] chain
       @PROGRAM@ -E old-chain-name new-chain-name
       @PROGRAM@ -P chain target [options]
       @PROGRAM@ -h (print this help information)

Commands:
Either long or short options are allowed.
  --append  -A chain		Append to chain
  --check   -C chain		Check for the existence of a rule
  --delete  -D chain		Delete matching rule from chain
  --delete  -D chain rulenum
				Delete rule rulenum (1 = first) from chain
  --insert  -I chain [rulenum]
				Insert in chain as rulenum (default 1=first)
  --replace -R chain rulenum
				Replace rule rulenum (1 = first) in chain
  --list    -L [chain [rulenum]]
				List the rules in a chain or all chains
  --list-rules -S [chain [rulenum]]
				Print the rules in a chain or all chains
  --flush   -F [chain]		Delete all rules in  chain or all chains
  --zero    -Z [chain [rulenum]]
				Zero counters in chain or all chains
  --new     -N chain		Create a new user-defined chain
  --delete-chain
            -X [chain]		Delete a user-defined chain
  --policy  -P chain target
				Change policy on chain to target
  --rename-chain
            -E old-chain new-chain
				Change chain name, (moving any references)

Options:
    --ipv4	-4		Nothing (line is ignored by ip6tables-restore)
    --ipv6	-6		Error (line is ignored by iptables-restore)
[!] --protocol	-p proto	protocol: by number or name, eg. \`tcp'
[!] --source	-s address[/mask][...]
				source specification
[!] --destination -d address[/mask][...]
				destination specification
[!] --in-interface -i input name[+]
				network interface name ([+] for wildcard)
 --jump	-j target
				target for rule (may load target extension)
  --goto      -g chain
			       jump to chain with no return
  --match	-m match
				extended match (may load extension)
  --numeric	-n		numeric output of addresses and ports
[!] --out-interface -o output name[+]
				network interface name ([+] for wildcard)
  --table	-t table	table to manipulate (default: \`filter')
  --verbose	-v		verbose mode
  --wait	-w [seconds]	maximum wait to acquire xtables lock before give up
  --line-numbers		print line numbers when listing
  --exact	-x		expand numbers (display exact values)
[!] --fragment	-f		match second or further fragments only
  --modprobe=<command>		try to insert modules using this command
  --set-counters -c PKTS BYTES	set the counter during insert/append
[!] --version	-V		print package version.
`;

// src/compat/iptables/legacy-command.ts
var FMT_PRINT_RULE = FMT_NOCOUNTS | FMT_OPTIONS | FMT_VIA | FMT_NUMERIC | FMT_NOTABLE;
function listFormat(options) {
  let format = FMT_OPTIONS;
  format |= options & OPT_VERBOSE ? FMT_VIA : FMT_NOCOUNTS;
  if (options & OPT_NUMERIC) format |= FMT_NUMERIC;
  if (!(options & OPT_EXPANDED)) format |= FMT_KILOMEGAGIGA;
  if (options & OPT_LINENUMBERS) format |= FMT_LINENUMBERS;
  return format;
}
function listEntries(h, chain, rulenum, options) {
  const chains = h.chains();
  if (chain !== null && !chains.some((c) => c.name === chain)) return failNoEntry(h);
  h.stdout += listTable(h.work, chain, rulenum, listFormat(options), h.env.db);
  return true;
}
function failNoEntry(h) {
  h.errno = "ENOENT";
  return false;
}
function printRule4(h, rule, chain, counters, db = h.env.db) {
  const named = h?.namedJumps.get(rule);
  if (h && named !== void 0) {
    h.stdout += `-A ${chain}${saveRuleBody(saveView({ ...rule, target: null, jumpto: "" }), db, counters)}`;
    throw new LegacyExit(`Can't find library for target \`${named}'
`, 1);
  }
  return `-A ${chain}${saveRuleBody(saveView(rule), db, counters)}
`;
}
function saveView(rule) {
  const ip2 = rule.ip;
  if (ip2.iniface !== "+" && ip2.outiface !== "+") return rule;
  let { iniface, outiface, invflags } = ip2;
  if (iniface === "+") {
    iniface = "";
    invflags &= ~IPT_INV_VIA_IN;
  }
  if (outiface === "+") {
    outiface = "";
    invflags &= ~IPT_INV_VIA_OUT;
  }
  return {
    ...rule,
    ip: { ...ip2, iniface, outiface, invflags },
    saveText: void 0
  };
}
function listRules(h, chain, rulenum, counters) {
  const chains = h.chains();
  let found = false;
  if (!rulenum) {
    for (const c of chains) {
      if (chain !== null && c.name !== chain) continue;
      if (c.hook >= 0) h.stdout += `-P ${c.name} ${c.policy}${counters ? ` -c ${c.pcnt} ${c.bcnt}` : ""}
`;
      else h.stdout += `-N ${c.name}
`;
    }
  }
  for (const c of chains) {
    if (chain !== null && c.name !== chain) continue;
    c.rules.forEach((r, i) => {
      if (!rulenum || i + 1 === rulenum) h.stdout += printRule4(h, r, c.name, counters);
    });
    found = true;
  }
  return found || failNoEntry(h);
}
function forEachChain(h, builtinsToo, fn) {
  const names = h.chains().map((c) => c.name);
  let ret = true;
  for (const name of names) {
    if (!builtinsToo && h.builtin(name)) continue;
    ret = fn(name) && ret;
  }
  return ret;
}
function legacyFlush(h, chain, verbose) {
  const one = (name) => {
    if (verbose) h.stdout += `Flushing chain \`${name}'
`;
    return h.flush(name);
  };
  return chain === null ? forEachChain(h, true, one) : one(chain);
}
function zeroEntries(h, chain, verbose) {
  const one = (name) => {
    if (verbose) h.stdout += `Zeroing chain \`${name}'
`;
    return h.zero(name);
  };
  return chain === null ? forEachChain(h, true, one) : one(chain);
}
function legacyDeleteChain(h, chain, verbose) {
  const one = (name) => {
    if (verbose) h.stdout += `Deleting chain \`${name}'
`;
    return h.deleteChain(name);
  };
  return chain === null ? forEachChain(h, false, one) : one(chain);
}
function resolveTarget(h, rule, warn) {
  const t = rule.target;
  if (t && t.ext.name !== "standard" && h.isChain(rule.jumpto)) {
    warn(`Warning: using chain ${rule.jumpto}, not extension
`);
    return { ...rule, target: null };
  }
  if (t || rule.jumpto === "" || h.isChain(rule.jumpto)) return rule;
  if (rule.ip.flags & IPT_F_GOTO) throw paramError(`goto '${rule.jumpto}' is not a chain`);
  throw paramError(`Couldn't load target \`${rule.jumpto}':No such file or directory
`);
}
function echo(h, r) {
  h.isChain(targetName(r));
  h.stdout += printRule(r, 0, FMT_PRINT_RULE, targetName(r), h.env.db);
}
function legacyDoCommand(h, p, warn) {
  const verbose = (p.options & OPT_VERBOSE) !== 0;
  const chain = p.chain;
  const cmd = p.command;
  let rules = p.rules.map(legacyBlob);
  if (cmd === CMD_APPEND || cmd === CMD_DELETE || cmd === CMD_CHECK || cmd === CMD_INSERT || cmd === CMD_REPLACE) {
    if (rules.length) {
      const first = resolveTarget(h, rules[0], warn);
      rules = rules.map((r) => r === rules[0] ? first : { ...r, target: first.target });
    }
  }
  const each = (op) => {
    let ret2 = true;
    for (const r of rules) {
      if (verbose) echo(h, r);
      ret2 = op(r) && ret2;
    }
    return ret2;
  };
  let ret = true;
  switch (cmd) {
    case CMD_APPEND:
      ret = each((r) => h.append(chain, r));
      break;
    case CMD_DELETE:
      ret = each((r) => h.deleteEntry(chain, r, false));
      break;
    case CMD_DELETE_NUM:
      ret = h.deleteNum(chain, p.rulenum - 1);
      break;
    case CMD_CHECK:
      ret = each((r) => h.deleteEntry(chain, r, true));
      break;
    case CMD_REPLACE:
      ret = each((r) => h.replace(chain, r, p.rulenum - 1));
      break;
    case CMD_INSERT:
      ret = each((r) => h.insert(chain, r, p.rulenum - 1));
      break;
    case CMD_FLUSH:
      ret = legacyFlush(h, chain, verbose);
      break;
    case CMD_ZERO:
      ret = zeroEntries(h, chain, verbose);
      break;
    case CMD_ZERO_NUM:
      ret = h.zeroCounter(chain, p.rulenum);
      break;
    case CMD_LIST:
    case CMD_LIST | CMD_ZERO:
    case CMD_LIST | CMD_ZERO_NUM:
    case CMD_LIST_RULES:
    case CMD_LIST_RULES | CMD_ZERO:
    case CMD_LIST_RULES | CMD_ZERO_NUM:
      ret = cmd & CMD_LIST ? listEntries(h, chain, p.rulenum, p.options) : listRules(h, chain, p.rulenum, verbose);
      if (ret && cmd & CMD_ZERO) ret = zeroEntries(h, chain, verbose);
      if (ret && cmd & CMD_ZERO_NUM) ret = h.zeroCounter(chain, p.rulenum);
      break;
    case CMD_NEW_CHAIN:
      ret = h.createChain(chain);
      break;
    case CMD_DELETE_CHAIN:
      ret = legacyDeleteChain(h, chain, verbose);
      break;
    case CMD_RENAME_CHAIN:
      ret = h.rename(chain, p.newname);
      break;
    case CMD_SET_POLICY:
      ret = h.setPolicy(chain, p.policy, p.options & OPT_COUNTERS ? p.counters : null);
      break;
    case CMD_NONE:
      break;
    default:
      throw new XtablesError(2 /* Parameter */, "", "tryhelp");
  }
  if (p.verbose > 1) {
    h.fn = "DUMP_ENTRIES";
    h.stdout += dumpEntries(h.original);
  }
  return ret;
}
function legacyFailureText(program, h) {
  const msg = legacyStrerror(h.fn, h.errno);
  return `${program}: ${msg}.${h.errno === "EINVAL" ? " Run `dmesg' for more information." : ""}
`;
}
function runLegacyIptables(env, args) {
  const program = "iptables";
  const version = versionString("legacy");
  let warnings = "";
  let h;
  takePrintWarnings();
  try {
    const parsed = parseCommand([program, ...args], {
      registry: env.registry,
      db: env.db,
      table: "filter",
      restore: false,
      line: -1
    });
    warnings = parsed.warnings;
    if (parsed.kind !== "command")
      return {
        stdout: fillProgram(parsed.stdout, program, version),
        stderr: warnings,
        status: 0
      };
    const opened = legacyOpen(env, parsed.table);
    if (!(opened instanceof LegacyHandle)) {
      const why = legacyStrerror("INIT", opened.errno);
      throw versionError(`can't initialize iptables table \`${parsed.table}': ${why}`);
    }
    h = opened;
    let ret = legacyDoCommand(h, parsed, (w) => {
      warnings += w;
    });
    if (ret) ret = h.commit();
    const stderr = warnings + takePrintWarnings();
    if (ret) return { stdout: h.stdout, stderr, status: 0 };
    return {
      stdout: h.stdout,
      stderr: stderr + legacyFailureText(program, h),
      status: h.errno === "EAGAIN" ? 4 : 1
    };
  } catch (e) {
    if (e instanceof LegacyExit)
      return {
        stdout: h?.stdout ?? "",
        stderr: warnings + takePrintWarnings() + e.stderr,
        status: e.status
      };
    if (!(e instanceof XtablesError)) throw e;
    if (e.warnings) warnings += e.warnings;
    return {
      stdout: h?.stdout ?? "",
      stderr: warnings + takePrintWarnings() + formatXtablesError(e, program, version, -1),
      status: e.status
    };
  }
}

// src/compat/iptables/nft-netlink.ts
function nlmsgDump(_m) {
  return "";
}

// src/compat/iptables/nft-debug.ts
var NFT_REG_VERDICT = 0;
var NFT_REG_1 = 1;
var NFT_REG32_01 = 9;
var NFT_META_MARK = 3;
var NFT_META_IIFNAME = 6;
var NFT_META_OIFNAME = 7;
var NFT_META_NFTRACE = 12;
var NFT_META_L4PROTO = 16;
var NFT_PAYLOAD_NETWORK_HEADER = 1;
var NFT_PAYLOAD_TRANSPORT_HEADER = 2;
var NFT_CMP_EQ = 0;
var NFT_CMP_NEQ = 1;
var NF_DROP3 = 0;
var NF_ACCEPT3 = 1;
var NFT_JUMP = -3;
var NFT_GOTO = -4;
var NFT_RETURN = -5;
var NFT_LIMIT_PKTS = 0;
var utf8 = new TextEncoder();
function be32(v) {
  return [v >>> 24 & 255, v >>> 16 & 255, v >>> 8 & 255, v & 255];
}
function le32(v) {
  return [v & 255, v >>> 8 & 255, v >>> 16 & 255, v >>> 24 & 255];
}
function be16(v) {
  return [v >>> 8 & 255, v & 255];
}
function ifaceExprs(out, key, iface, op) {
  const bytes = [...utf8.encode(iface)];
  out.push({ name: "meta", key, dreg: NFT_REG_1 });
  if (iface.endsWith("+")) {
    if (bytes.length > 1) out.push({ name: "cmp", sreg: NFT_REG_1, op, data: bytes.slice(0, -1) });
    else if (op !== NFT_CMP_EQ) out.push({ name: "cmp", sreg: NFT_REG_1, op: NFT_CMP_EQ, data: [...utf8.encode("INVAL/D"), 0] });
  } else {
    out.push({ name: "cmp", sreg: NFT_REG_1, op, data: [...bytes, 0] });
  }
}
function addrExprs(out, offset, addr2, mask, op) {
  const m = be32(mask >>> 0);
  let i = 0;
  let bitwise = false;
  for (; i < 4; i++) {
    if (m[i] !== 255) {
      bitwise = m[i] !== 0;
      break;
    }
  }
  for (let j = i + 1; !bitwise && j < 4; j++) bitwise = m[j] !== 0;
  const len = bitwise ? 4 : i;
  out.push({ name: "payload", base: NFT_PAYLOAD_NETWORK_HEADER, offset, len, dreg: NFT_REG_1 });
  if (bitwise) out.push({ name: "bitwise", sreg: NFT_REG_1, dreg: NFT_REG_1, mask: m, xor: [0, 0, 0, 0] });
  out.push({ name: "cmp", sreg: NFT_REG_1, op, data: be32(addr2 >>> 0).slice(0, len) });
}
var cmpOp = (inv2) => inv2 ? NFT_CMP_NEQ : NFT_CMP_EQ;
function ipExprs(out, ip2) {
  if (ip2.iniface) ifaceExprs(out, NFT_META_IIFNAME, ip2.iniface, cmpOp((ip2.invflags & IPT_INV_VIA_IN) !== 0));
  if (ip2.outiface) ifaceExprs(out, NFT_META_OIFNAME, ip2.outiface, cmpOp((ip2.invflags & IPT_INV_VIA_OUT) !== 0));
  if (ip2.proto !== 0) {
    out.push({ name: "meta", key: NFT_META_L4PROTO, dreg: NFT_REG_1 });
    out.push({ name: "cmp", sreg: NFT_REG_1, op: cmpOp((ip2.invflags & IPT_INV_PROTO) !== 0), data: [ip2.proto & 255] });
  }
  if (ip2.src || ip2.smsk || ip2.invflags & IPT_INV_SRCIP) addrExprs(out, 12, ip2.src, ip2.smsk, cmpOp((ip2.invflags & IPT_INV_SRCIP) !== 0));
  if (ip2.dst || ip2.dmsk || ip2.invflags & IPT_INV_DSTIP) addrExprs(out, 16, ip2.dst, ip2.dmsk, cmpOp((ip2.invflags & IPT_INV_DSTIP) !== 0));
  if (ip2.flags & IPT_F_FRAG) {
    out.push({ name: "payload", base: NFT_PAYLOAD_NETWORK_HEADER, offset: 6, len: 2, dreg: NFT_REG_1 });
    out.push({ name: "bitwise", sreg: NFT_REG_1, dreg: NFT_REG_1, mask: be16(8191), xor: [0, 0] });
    out.push({ name: "cmp", sreg: NFT_REG_1, op: ip2.invflags & IPT_INV_FRAG ? NFT_CMP_EQ : NFT_CMP_NEQ, data: [0, 0] });
  }
}
var CMP_OPS = { eq: 0, neq: 1, lte: 3, gt: 4 };
function l4Exprs(out, e) {
  const load2 = (offset, len) => out.push({ name: "payload", base: NFT_PAYLOAD_TRANSPORT_HEADER, offset, len, dreg: NFT_REG_1 });
  switch (e.kind) {
    case "flags":
      load2(13, 1);
      out.push({ name: "bitwise", sreg: NFT_REG_1, dreg: NFT_REG_1, mask: [e.mask & 255], xor: [0] });
      out.push({ name: "cmp", sreg: NFT_REG_1, op: CMP_OPS[e.op], data: [e.cmp & 255] });
      break;
    case "both":
      load2(0, 4);
      out.push({ name: "cmp", sreg: NFT_REG_1, op: CMP_OPS[e.op], data: [...be16(e.sport), ...be16(e.dport)] });
      break;
    case "cmp":
      load2(e.field === "sport" ? 0 : 2, 2);
      out.push({ name: "cmp", sreg: NFT_REG_1, op: CMP_OPS[e.op], data: be16(e.port) });
      break;
    case "range":
      load2(e.field === "sport" ? 0 : 2, 2);
      out.push({ name: "range", sreg: NFT_REG_1, op: e.op === "neq" ? 1 : 0, from: be16(e.from), to: be16(e.to) });
      break;
  }
}
function fullRange(p) {
  return p[0] === 0 && p[1] === 65535;
}
function tcpExprs(out, d, m) {
  const allZero3 = fullRange(d.spts) && fullRange(d.dpts) && !d.option && !d.flgMask && !d.flgCmp && !d.invflags;
  if (d.invflags & ~7 || d.option || allZero3) {
    out.push(xtMatch(m));
    return;
  }
  if (d.nft) {
    for (const e of d.nft) l4Exprs(out, e);
    return;
  }
  if (d.flgMask) l4Exprs(out, { kind: "flags", mask: d.flgMask, cmp: d.flgCmp, op: d.invflags & 4 ? "neq" : "eq" });
  for (const e of portExprs(d.spts, (d.invflags & 1) !== 0, d.dpts, (d.invflags & 2) !== 0)) l4Exprs(out, e);
}
function udpExprs(out, d, m) {
  const allZero3 = fullRange(d.spts) && fullRange(d.dpts) && !d.invflags;
  if (d.invflags > 3 || allZero3) {
    out.push(xtMatch(m));
    return;
  }
  const exprs = d.nft ?? portExprs(d.spts, (d.invflags & 1) !== 0, d.dpts, (d.invflags & 2) !== 0);
  for (const e of exprs) l4Exprs(out, e);
}
var XT_LIMIT_SCALE2 = 1e4;
var LIMIT_MULT = [XT_LIMIT_SCALE2 * 24 * 60 * 60, XT_LIMIT_SCALE2 * 60 * 60, XT_LIMIT_SCALE2 * 60, XT_LIMIT_SCALE2];
function limitExpr(avg, burst) {
  let i = 1;
  for (; i < LIMIT_MULT.length; i++) {
    const mult2 = LIMIT_MULT[i];
    if (avg > mult2 || Math.floor(mult2 / avg) < mult2 % avg) break;
  }
  const mult = LIMIT_MULT[i - 1];
  return { name: "limit", rate: Math.floor(mult / avg), unit: mult / XT_LIMIT_SCALE2, burst, type: NFT_LIMIT_PKTS, flags: 0 };
}
function xtMatch(m) {
  return { name: "match", xname: m.ext.realName ?? m.ext.name, rev: m.ext.revision };
}
function matchExprs(out, m) {
  const d = m.data;
  switch (m.ext.name) {
    case "tcp":
      tcpExprs(out, d, m);
      return;
    case "udp":
      udpExprs(out, d, m);
      return;
    case "mark":
      out.push({ name: "meta", key: NFT_META_MARK, dreg: NFT_REG_1 });
      if (d.mask >>> 0 !== 4294967295) out.push({ name: "bitwise", sreg: NFT_REG_1, dreg: NFT_REG_1, mask: le32(d.mask >>> 0), xor: [0, 0, 0, 0] });
      out.push({ name: "cmp", sreg: NFT_REG_1, op: cmpOp(d.invert), data: le32(d.mark >>> 0) });
      return;
    case "limit":
      out.push(limitExpr(d.avg, d.burst));
      return;
    default:
      out.push(xtMatch(m));
  }
}
function actionExprs(out, rule) {
  const t = rule.target;
  if (t) {
    const verdict = t.ext.name === "standard" ? { ACCEPT: NF_ACCEPT3, DROP: NF_DROP3, RETURN: NFT_RETURN }[rule.jumpto] : void 0;
    if (verdict !== void 0) {
      out.push({ name: "immediate", dreg: NFT_REG_VERDICT, verdict });
    } else if (t.ext.name === "NFLOG") {
      const d = t.data;
      const e = { name: "log", group: d.group };
      if (d.prefix !== "") e.prefix = d.prefix;
      if (d.flags & 1) e.snaplen = d.len;
      if (d.threshold) e.qthreshold = d.threshold;
      out.push(e);
    } else if (t.ext.name === "TRACE") {
      out.push({ name: "immediate", dreg: NFT_REG32_01, data: [1] });
      out.push({ name: "meta", key: NFT_META_NFTRACE, sreg: NFT_REG32_01 });
    } else {
      const xname = t.ext.name === "standard" ? rule.jumpto : t.ext.realName ?? t.ext.name;
      out.push({ name: "target", xname, rev: t.ext.revision });
    }
  } else if (rule.jumpto !== "") {
    out.push({ name: "immediate", dreg: NFT_REG_VERDICT, verdict: rule.ip.flags & IPT_F_GOTO ? NFT_GOTO : NFT_JUMP, chain: rule.jumpto });
  }
}
function ruleExprs(rule, pcnt, bcnt) {
  const src = rule.nftSrc ?? rule;
  const out = [];
  ipExprs(out, src.ip);
  for (const m of src.matches) matchExprs(out, m);
  out.push({ name: "counter", pkts: pcnt, bytes: bcnt });
  actionExprs(out, rule);
  return out;
}
function nftSource(given, normalized) {
  if (given.ip.iniface !== normalized.ip.iniface || given.ip.outiface !== normalized.ip.outiface) return given;
  if (given.matches.length !== normalized.matches.length) return given;
  for (const m of given.matches) if (m.ext.name === "limit") return given;
  return void 0;
}
function rebuiltRule(rule) {
  const matches8 = rule.matches.map((m) => m.data && typeof m.data === "object" && "nft" in m.data ? { ext: m.ext, data: { ...m.data, nft: void 0 } } : m);
  return { ...rule, matches: matches8, nftSrc: void 0, saveText: void 0 };
}
var META_KEYS = { 3: "mark", 6: "iifname", 7: "oifname", 12: "nftrace", 16: "l4proto" };
var BASES = ["link", "network", "transport", "inner"];
var CMP_NAMES = ["eq", "neq", "lt", "lte", "gt", "gte"];
var VERDICTS3 = { 0: "drop", 1: "accept", 3: "queue", [-1]: "continue", [-2]: "break", [-3]: "jump", [-4]: "goto", [-5]: "return" };
var UNITS = { 1: "second", 60: "minute", 3600: "hour", 86400: "day", 604800: "week" };
function dataText(b) {
  let s = "";
  for (let i = 0; i < b.length; i += 4) {
    const w = ((b[i] ?? 0) | (b[i + 1] ?? 0) << 8 | (b[i + 2] ?? 0) << 16 | (b[i + 3] ?? 0) << 24) >>> 0;
    s += `0x${w.toString(16).padStart(8, "0")} `;
  }
  return s;
}
function exprText(e) {
  let body2;
  switch (e.name) {
    case "meta":
      body2 = e.sreg !== void 0 ? `set ${META_KEYS[e.key]} with reg ${e.sreg} ` : `load ${META_KEYS[e.key]} => reg ${e.dreg} `;
      break;
    case "cmp":
      body2 = `${CMP_NAMES[e.op]} reg ${e.sreg} ${dataText(e.data)}`;
      break;
    case "payload":
      body2 = `load ${e.len}b @ ${BASES[e.base]} header + ${e.offset} => reg ${e.dreg} `;
      break;
    case "bitwise":
      body2 = `reg ${e.dreg} = ( reg ${e.sreg} & ${dataText(e.mask)}) ^ ${dataText(e.xor)}`;
      break;
    case "range":
      body2 = `${e.op ? "neq" : "eq"} reg ${e.sreg} ${dataText(e.from)}${dataText(e.to)}`;
      break;
    case "counter":
      body2 = `pkts ${e.pkts} bytes ${e.bytes} `;
      break;
    case "immediate":
      body2 = `reg ${e.dreg} `;
      if (e.data) body2 += dataText(e.data);
      else body2 += `${VERDICTS3[e.verdict]} ${e.chain !== void 0 ? `-> ${e.chain} ` : ""}`;
      break;
    case "limit":
      body2 = `rate ${e.rate}/${UNITS[e.unit] ?? "error"} burst ${e.burst} type ${e.type ? "bytes" : "packets"} flags 0x${e.flags.toString(16)} `;
      break;
    case "log":
      body2 = e.prefix !== void 0 ? `prefix ${e.prefix} ` : "";
      body2 += `group ${e.group} snaplen ${e.snaplen ?? 0} qthreshold ${e.qthreshold ?? 0} `;
      break;
    case "match":
    case "target":
      body2 = `name ${e.xname} rev ${e.rev} `;
      break;
  }
  return `  [ ${e.name} ${body2}]
`;
}
function familyName(f) {
  return f === 2 ? "ip" : "unknown";
}
function ruleText(r) {
  const head = [];
  if (r.family !== void 0) head.push(familyName(r.family));
  head.push(r.table);
  if (r.chain !== void 0) head.push(r.chain);
  if (r.handle !== void 0) head.push(String(r.handle));
  if (r.position !== void 0) head.push(String(r.position));
  if (r.id !== void 0) head.push(String(r.id));
  if (r.positionId !== void 0) head.push(String(r.positionId));
  let s = `${head.join(" ")}
`;
  for (const e of r.exprs) s += exprText(e);
  return `${s}
`;
}
var HOOK_TEXT = ["prerouting", "input", "forward", "output", "postrouting"];
function chainText(c) {
  let s = `${familyName(c.family)} ${c.table} ${c.name} use ${c.use}`;
  if (c.hook !== void 0) {
    s += ` type ${c.type} hook ${HOOK_TEXT[c.hook]} prio ${c.prio}`;
    if (c.policy !== void 0) s += ` policy ${VERDICTS3[c.policy]}`;
    s += ` packets ${c.packets ?? 0} bytes ${c.bytes ?? 0}`;
    if (c.flags !== void 0) s += ` flags ${c.flags.toString(16)}`;
  }
  return `${s}
`;
}
function tableText(name) {
  return `table ${name} ip flags 0 use 0 handle 0
`;
}
var PRIO = { raw: -300, mangle: -150, filter: 0, security: 150 };
function baseChainSpec(table, hook) {
  if (table === "nat") return { type: "nat", prio: hook === 0 || hook === 3 ? -100 : 100 };
  if (table === "mangle" && hook === 3) return { type: "route", prio: -150 };
  return { type: "filter", prio: PRIO[table] ?? 0 };
}
function builtinChainMsg(table, hook, policy) {
  const spec = baseChainSpec(table, hook);
  const c = { family: 2, table, name: HOOK_NAMES[hook], use: 0, hook, prio: spec.prio, type: spec.type };
  if (policy !== null) c.policy = policy === "DROP" ? NF_DROP3 : NF_ACCEPT3;
  return c;
}
function chainUse(table, c) {
  let n = c.rules.length;
  for (const o of [...table.chains.values(), ...table.foreign ?? []]) {
    if (o.hook >= 0 && !o.present) continue;
    for (const r of o.rules) if (r.target === null && r.jumpto === c.name) n++;
  }
  return n;
}
function kernelChainMsg(table, c) {
  const m = { family: 2, table: table.name, name: c.name, use: chainUse(table, c) };
  if (c.hook >= 0) {
    const spec = baseChainSpec(table.name, c.hook);
    Object.assign(m, { hook: c.hook, prio: spec.prio, type: spec.type, policy: c.policy === "DROP" ? NF_DROP3 : NF_ACCEPT3 });
    m.packets = c.pcnt;
    m.bytes = c.bcnt;
    m.flags = 1;
  }
  return m;
}
var CacheRequest = class {
  rules = false;
  all = false;
  names = /* @__PURE__ */ new Set();
  add(rules, chain, ...extra) {
    if (rules) this.rules = true;
    if (this.all) return;
    if (chain === null) {
      this.all = true;
      return;
    }
    this.names.add(chain);
    for (const x of extra) if (x) this.names.add(x);
  }
};
function cachedChains(table, req) {
  if (!table.exists) return [];
  const base = [];
  const user = [];
  const candidates = [];
  if (req.all) {
    candidates.push(...table.foreign ?? [], ...table.chains.values());
  } else {
    const names = new Set(req.names);
    for (const h of findBuiltinTable(table.name)?.hooks ?? []) names.add(HOOK_NAMES[h]);
    const sorted = [...names].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
    for (const n of sorted) {
      const c = table.chains.get(n) ?? table.foreign?.find((f) => f.name === n);
      if (c) candidates.push(c);
    }
  }
  for (const c of candidates) {
    if (c.hook >= 0) {
      if (!c.present || base[c.hook]) continue;
      base[c.hook] = c;
    } else {
      user.push(c);
    }
  }
  return [...base.filter((c) => c !== void 0), ...user];
}
function kernelRuleMsg(table, chain, r, prev) {
  const m = { family: 2, table, chain, handle: r.handle ?? 0, exprs: ruleExprs(r, r.pcnt, r.bcnt) };
  if (prev) m.position = prev.handle ?? 0;
  return m;
}
function cacheFetchText(table, req) {
  if (!req.rules) return "";
  let out = "";
  for (const c of cachedChains(table, req)) {
    for (let i = 0; i < c.rules.length; i++) out += ruleText(kernelRuleMsg(table.name, c.name, c.rules[i], c.rules[i - 1]));
  }
  return out;
}
var NFT_MSG_NEWTABLE = 0;
var NFT_MSG_NEWCHAIN = 3;
var NFT_MSG_DELCHAIN = 5;
var NFT_MSG_NEWRULE = 6;
var NFT_MSG_DELRULE = 8;
var NLM_F_REPLACE = 256;
var NLM_F_EXCL = 512;
var NLM_F_CREATE = 1024;
var NLM_F_APPEND = 2048;
var NLM_F_NONREC = 256;
var NftBatch = class {
  constructor(kernel, level) {
    this.kernel = kernel;
    this.level = level;
    this.tableExists = kernel.exists;
  }
  kernel;
  level;
  objs = [];
  /** Chains whose cache object this batch created (printed as sent, not as the kernel dumps them). */
  fresh = /* @__PURE__ */ new Map();
  /** Rules added in this batch: their objects (a later delete or zero sends the same object). */
  sent = /* @__PURE__ */ new Map();
  ruleId = 0;
  /** h->cache->table[].exists: whether the table was there when the cache was built (a table add never sets it). */
  tableExists;
  get table() {
    return this.kernel.name;
  }
  /** nft_table_builtin_add() */
  tableAdd() {
    if (!this.tableExists) this.objs.push({ kind: "table", type: NFT_MSG_NEWTABLE, flags: NLM_F_CREATE, name: this.table });
  }
  /** nft_chain_builtin_add(): NFT_COMPAT_CHAIN_ADD, and the cache holds that object. */
  chainAdd(hook) {
    const c = builtinChainMsg(this.table, hook, "ACCEPT");
    this.fresh.set(c.name, c);
    this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: NLM_F_CREATE, chain: c });
  }
  /** nft_chain_set(): a new object with the policy ("-": none) and the counters given. */
  chainUpdate(hook, policy, counters) {
    const c = builtinChainMsg(this.table, hook, policy === "-" ? null : policy);
    c.packets = counters.pcnt;
    c.bytes = counters.bcnt;
    this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: this.restore ? NLM_F_CREATE : 0, chain: c });
  }
  /** h->restore: a chain update is sent with NLM_F_CREATE. */
  restore = false;
  /** nft_chain_user_add() / nft_chain_restore() creating the chain. */
  chainUserAdd(name) {
    const c = { family: 2, table: this.table, name, use: 0 };
    this.fresh.set(name, c);
    this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: NLM_F_EXCL, chain: c });
  }
  /** The cache's object for a chain: the one this batch made, else the kernel's dump. */
  cached(c) {
    const f = this.fresh.get(c.name);
    if (f) return f;
    const k = this.kernel.chains.get(c.name) ?? this.kernel.foreign?.find((x) => x.name === c.name);
    return kernelChainMsg(this.kernel, k ?? c);
  }
  /** __nft_chain_del(): the cached object, without its handle; a busy base chain is skipped. */
  chainDel(c, skip) {
    const m = { ...this.cached(c) };
    this.fresh.delete(c.name);
    this.objs.push({ kind: "chain", type: NFT_MSG_DELCHAIN, flags: NLM_F_NONREC, chain: m, skip });
  }
  /** nft_chain_user_rename(): a new object with the new name and the old chain's handle. */
  chainRename(newName, handle) {
    const c = { family: 2, table: this.table, name: newName, use: 0, handle };
    this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: 0, chain: c });
  }
  /**
   * __nft_chain_zero_counters(): a base chain is sent with zeroed counters,
   * then each rule whose counter is not zero is replaced with a zeroed one.
   */
  chainZero(c, rules) {
    if (c.hook >= 0) {
      const m = { ...this.cached(c), packets: 0, bytes: 0 };
      this.objs.push({ kind: "chain", type: NFT_MSG_NEWCHAIN, flags: NLM_F_CREATE, chain: m });
    }
    for (const r of rules) {
      if (!r.pcnt && !r.bcnt) continue;
      const sent = this.sent.get(r);
      let m;
      if (sent) {
        for (const e of sent.exprs) if (e.name === "counter") Object.assign(e, { pkts: 0, bytes: 0 });
        delete sent.position;
        m = sent;
      } else {
        m = { family: 2, table: this.table, chain: c.name, handle: r.handle ?? 0, exprs: ruleExprs(r, 0, 0) };
      }
      this.objs.push({ kind: "rule", type: NFT_MSG_NEWRULE, flags: NLM_F_CREATE | NLM_F_REPLACE, op: "replace", chain: c.name, rule: m });
    }
  }
  /** A rule added by this batch (append, insert, replace): `given` is the command's rule, `stored` what the chain holds. */
  ruleAdd(op, chain, given, stored, ref) {
    const m = { family: 2, table: this.table, chain, exprs: ruleExprs(given, given.pcnt, given.bcnt) };
    if (op === "replace" && ref) m.handle = this.sent.has(ref) ? 0 : ref.handle ?? 0;
    if (op === "insert" && ref) {
      const refMsg = this.sent.get(ref);
      if (refMsg) m.positionId = refMsg.id ?? (refMsg.id = ++this.ruleId);
      else m.position = ref.handle ?? 0;
    }
    this.sent.set(stored, m);
    const flags = NLM_F_CREATE | (op === "append" ? NLM_F_APPEND : op === "replace" ? NLM_F_REPLACE : 0);
    this.objs.push({ kind: "rule", type: NFT_MSG_NEWRULE, flags, op, chain, rule: m });
  }
  /** __nft_rule_del(): the cached rule object (a rule of this batch gets an id). */
  ruleDelete(chain, r) {
    let m = this.sent.get(r);
    if (m) {
      if (m.id === void 0) m.id = ++this.ruleId;
    } else {
      const kc = this.kernel.chains.get(chain);
      const i = kc ? kc.rules.findIndex((x) => x.handle === r.handle) : -1;
      m = kernelRuleMsg(this.table, chain, r, i > 0 ? kc.rules[i - 1] : void 0);
    }
    this.objs.push({ kind: "rule", type: NFT_MSG_DELRULE, flags: 0, op: "delete", chain, rule: m });
  }
  /** __nft_rule_flush(): a rule with table (and chain) only. */
  ruleFlush(chain, skip = false) {
    const m = { table: this.table, exprs: [] };
    if (chain !== null) m.chain = chain;
    this.objs.push({ kind: "rule", type: NFT_MSG_DELRULE, flags: 0, op: "flush", rule: m, skip });
  }
  /** batch_chain_flush(): rule operations of the chain (null: the table) still in the batch are dropped. */
  dropPending(chain) {
    for (let i = this.objs.length - 1; i >= 0; i--) {
      const o = this.objs[i];
      if (o.kind !== "rule" || o.op === "flush") continue;
      if (chain === null || o.chain === chain) this.objs.splice(i, 1);
    }
  }
  /** What nft_action() prints while it builds the batch messages. */
  render() {
    if (this.level < 2) return "";
    let out = "";
    let seq = 2;
    for (const o of this.objs) {
      if (o.skip) continue;
      const s = seq++;
      if (o.kind === "table") {
        out += tableText(o.name);
        if (this.level > 2) out += nlmsgDump({ kind: "table", type: o.type, flags: o.flags, seq: s, name: o.name });
      } else if (o.kind === "chain") {
        out += chainText(o.chain);
        if (this.level > 2) out += nlmsgDump({ kind: "chain", type: o.type, flags: o.flags, seq: s, chain: o.chain });
      } else {
        const r = typeof o.rule === "function" ? o.rule() : o.rule;
        out += ruleText(r);
        if (this.level > 2) out += nlmsgDump({ kind: "rule", type: o.type, flags: o.flags, seq: s, rule: r });
      }
    }
    return out;
  }
};
function commandCacheRequest(req, cmd) {
  const c = cmd.command;
  const r = cmd.rules[0];
  const jumpto = r && r.target === null && r.jumpto !== "" ? r.jumpto : null;
  if (c & (CMD_LIST | CMD_LIST_RULES)) {
    req.add(true, cmd.chain);
    return;
  }
  switch (c) {
    case CMD_APPEND:
      req.add(false, cmd.chain, jumpto);
      break;
    case CMD_INSERT:
      req.add(cmd.rulenum - 1 > 0, cmd.chain, jumpto);
      break;
    case CMD_DELETE:
    case CMD_REPLACE:
    case CMD_CHECK:
      req.add(true, cmd.chain, jumpto);
      break;
    case CMD_DELETE_NUM:
    case CMD_ZERO:
    case CMD_ZERO_NUM:
      req.add(true, cmd.chain);
      break;
    case CMD_DELETE_CHAIN:
      req.add(cmd.chain === null, cmd.chain);
      break;
    case CMD_RENAME_CHAIN:
      req.add(false, cmd.chain, cmd.newname);
      break;
    case CMD_FLUSH:
    case CMD_NEW_CHAIN:
    case CMD_SET_POLICY:
      req.add(false, cmd.chain);
      break;
  }
}

// src/compat/iptables/commands.ts
var IPTABLES_VERSION = "1.8.9";
function versionString(flavour) {
  return `${IPTABLES_VERSION} (${flavour === "nft" ? "nf_tables" : "legacy"})`;
}
var KernelBatchError = class extends Error {
  constructor(failures, stdout = "") {
    super("kernel refused batch");
    this.failures = failures;
    this.stdout = stdout;
  }
  failures;
  stdout;
};
function normalizeRule(rule) {
  let ip2 = rule.ip;
  if (ip2.iniface === "+" && !(ip2.invflags & 1)) ip2 = { ...ip2, iniface: "" };
  if (ip2.outiface === "+" && !(ip2.invflags & 2)) ip2 = { ...ip2, outiface: "" };
  const matches8 = [];
  for (const m of rule.matches) {
    if (!m.ext.normalize) {
      matches8.push(m);
      continue;
    }
    const data = m.ext.normalize(m.data, ip2);
    if (data === null) continue;
    const host = m.ext.nftMerge ? matches8.findIndex((p) => p.ext === m.ext && m.ext.nftMerge(p.data, m.data, ip2)) : -1;
    if (host >= 0) matches8[host] = { ext: m.ext, data: m.ext.nftMerge(matches8[host].data, m.data, ip2) };
    else matches8.push({ ext: m.ext, data });
  }
  let target = rule.target;
  if (target?.ext.normalize) {
    const data = target.ext.normalize(target.data, ip2);
    target = data === null ? null : { ext: target.ext, data };
  }
  const out = { ip: ip2, matches: matches8, target, jumpto: rule.jumpto, pcnt: rule.pcnt, bcnt: rule.bcnt, saveText: void 0, hookOk: void 0, nftSrc: void 0 };
  out.nftSrc = nftSource(rule, out);
  return out;
}
function ruleKey(rule, db) {
  const jump = rule.target === null && rule.jumpto !== "" ? "\0chain" : "";
  if (rule.saveText === void 0) rule.saveText = saveRuleBody(withCompareKeys(rule), db) + jump;
  return rule.saveText;
}
function withCompareKeys(rule) {
  const swap = (i) => i.ext.compareKey ? { ...i, ext: { ...i.ext, save: i.ext.compareKey } } : i;
  if (!rule.target?.ext.compareKey && !rule.matches.some((m) => m.ext.compareKey)) return rule;
  return { ...rule, matches: rule.matches.map(swap), target: rule.target ? swap(rule.target) : null };
}
function readbackRule(rule) {
  const t = rule.target;
  if (!t?.ext.readback && !rule.matches.some((m) => m.ext.readback)) return rule;
  return {
    ...rule,
    matches: rule.matches.map((m) => m.ext.readback ? { ext: m.ext, data: m.ext.readback(m.data) } : m),
    target: t?.ext.readback ? { ext: t.ext, data: t.ext.readback(t.data) } : t,
    saveText: void 0
  };
}
function referenceCount(table, name) {
  let n = 0;
  for (const c of [...table.chains.values(), ...table.foreign ?? []])
    for (const r of c.rules) if (r.target === null && r.jumpto === name) n++;
  return n;
}
var BASE_CHAIN_NAMES = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];
var NAT_CHAIN_ORDER = ["PREROUTING", "INPUT", "POSTROUTING", "OUTPUT"];
var Transaction = class {
  constructor(original, env, line = 0) {
    this.original = original;
    this.env = env;
    this.line = line;
    this.work = cloneTable(original);
    for (const c of this.work.chains.values()) if (c.hook >= 0 && c.present) this.cachedPolicy.set(c.name, c.policy);
  }
  original;
  env;
  line;
  work;
  failures = [];
  /** nft_fn: the last nft.c operation run in this process (nft_strerror() keys on it; some ops never set it). */
  lastFn = null;
  /** Rules a restore `:CHAIN` line flushed in the kernel but left in iptables' rule cache (nft_chain_restore()). */
  stale = /* @__PURE__ */ new Set();
  /** Failures of rule operations still in the batch, by chain (a flush drops them). */
  pendingRuleFailures = /* @__PURE__ */ new Map();
  stdout = "";
  /** `-vv`: the nf_tables batch objects, printed at commit. */
  debug = null;
  /** Base chains a -X dropped from the cache though the kernel kept them (busy): a later use re-adds them. */
  uncached = /* @__PURE__ */ new Set();
  /** Rules added in this transaction, for blaming kernel validation errors. */
  added = /* @__PURE__ */ new Map();
  /** Chains created in this transaction (their reference count is not known yet). */
  created = /* @__PURE__ */ new Set();
  /**
   * Policies as nft's cache knows them: a policy set in this batch is not
   * seen by a listing in the same batch (restore files with -L lines).
   */
  cachedPolicy = /* @__PURE__ */ new Map();
  get db() {
    return this.env.db;
  }
  /** The table was (re)created in this batch: handles it allocates are not the committed table's. */
  recreated = false;
  /** nf_tables_alloc_handle(): chains and rules share the table's counter. */
  nextHandle() {
    this.work.hgen = (this.work.hgen ?? 0) + 1;
    return this.work.hgen;
  }
  /**
   * nft_xt_builtin_init(): the table comes into existence; with `null` all
   * its base chains, with a name that base chain (undefined: the table only).
   */
  builtinInit(chain) {
    if (!this.work.exists) {
      this.work.hgen = 0;
      this.recreated = true;
    }
    this.work.exists = true;
    this.debug?.tableAdd();
    if (chain === void 0) return;
    const names = chain === null ? this.work.name === "nat" ? NAT_CHAIN_ORDER : BASE_CHAIN_NAMES : [chain];
    for (const name of names) {
      const c = this.work.chains.get(name);
      if (!c || c.hook < 0) continue;
      if (c.present && this.uncached.delete(name)) {
        c.policy = "ACCEPT";
        this.cachedPolicy.set(c.name, "ACCEPT");
        this.debug?.chainAdd(c.hook);
        continue;
      }
      if (c.present) continue;
      c.present = true;
      c.handle = this.nextHandle();
      this.created.add(c.name);
      this.cachedPolicy.set(c.name, "ACCEPT");
      this.debug?.chainAdd(c.hook);
    }
  }
  chainFind(name) {
    if (!this.work.exists) return void 0;
    const c = this.work.chains.get(name);
    return c?.present ? c : void 0;
  }
  /** nft_chain_exists(): built-in names count even before the table exists. */
  chainExists(name) {
    const c = this.work.chains.get(name);
    if (c && c.hook >= 0) return true;
    return this.chainFind(name) !== void 0;
  }
  /** Chains present, in the order nft enumerates them (sorted when `sorted`). */
  presentChains(sorted) {
    if (!this.work.exists) return [];
    const all = sorted ? orderedChains(this.work) : [...this.work.chains.values()].filter((c) => c.hook >= 0).sort((a, b) => a.hook - b.hook).concat(
      [...this.work.chains.values()].filter((c) => c.hook < 0)
    );
    return all.filter((c) => c.present);
  }
  assertChainExists(rule) {
    const j = jumpTarget(rule);
    if (j !== void 0 && !this.chainExists(j)) throw paramError(`Chain '${j}' does not exist`);
  }
  /** Extension instances the kernel holds now: committed rules of every table plus this batch's additions. */
  peers() {
    const out = [];
    const add = (r) => {
      for (const m of r.matches) out.push(m);
      if (r.target) out.push(r.target);
    };
    for (const t of this.env.ruleset.tables.values()) for (const c of t.chains.values()) c.rules.forEach(add);
    for (const r of this.added.keys()) add(r);
    return out;
  }
  kernelAdd(chain, rule, type, handle) {
    const queue = this.env.flavour === "nft" && rule.target?.ext.name === "standard" && rule.jumpto === "QUEUE";
    const err = queue ? checkRuleIp(rule) ?? { errno: "ENOENT" } : checkRule(this.work, chain, rule, () => this.peers());
    if (err) {
      const f = { type, errno: err.errno, what: `rule in chain ${chain.name}`, line: this.line };
      this.failures.push(f);
      this.pendingRuleFailures.set(f, chain.name);
    }
    const stored = { ...readbackRule(rule), handle: handle ?? this.nextHandle() };
    if (queue) {
      stored.saveText = ruleKey(rule, this.db);
      stored.jumpto = "standard";
    }
    this.added.set(stored, { type, chain: chain.name, line: this.line });
    return stored;
  }
  append(chainName, rule) {
    this.lastFn = "rule_append";
    this.assertChainExists(rule);
    this.builtinInit(chainName);
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_append", "ENOENT");
    const stored = this.kernelAdd(c, rule, "RULE_APPEND");
    c.rules.push(stored);
    this.debug?.ruleAdd("append", c.name, rule, stored);
  }
  /** rulenum is 0-based as nft_rule_insert receives it. */
  insert(chainName, rule, rulenum) {
    this.lastFn = "rule_insert";
    this.assertChainExists(rule);
    this.builtinInit(chainName);
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_insert", "ENOENT");
    if (rulenum > 0 && rulenum >= c.rules.length) {
      if (rulenum - 1 < c.rules.length) {
        this.debug?.tableAdd();
        const stored2 = this.kernelAdd(c, rule, "RULE_APPEND");
        c.rules.push(stored2);
        this.debug?.ruleAdd("append", c.name, rule, stored2);
        return;
      }
      throw new NftOpError("rule_insert", "E2BIG");
    }
    const ref = rulenum > 0 ? c.rules[rulenum] : void 0;
    const stored = this.kernelAdd(c, rule, "RULE_INSERT");
    c.rules.splice(rulenum > 0 ? rulenum : 0, 0, stored);
    this.debug?.ruleAdd("insert", c.name, rule, stored, ref);
  }
  findRule(c, rule) {
    const key = ruleKey(rule, this.db);
    for (let i = 0; i < c.rules.length; i++) if (ruleKey(c.rules[i], this.db) === key) return i;
    return -1;
  }
  /** Returns the rule found (as stored: -v prints it, not the command's rule). */
  delete(chainName, rule) {
    this.lastFn = "rule_delete";
    this.assertChainExists(rule);
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_delete", "ENOENT");
    const i = this.findRule(c, rule);
    if (i < 0) throw new NftOpError("rule_delete", "ENOENT");
    this.touchStale(c, c.rules[i], "RULE_DELETE");
    this.debug?.ruleDelete(c.name, c.rules[i]);
    return c.rules.splice(i, 1)[0];
  }
  deleteNum(chainName, rulenum) {
    this.lastFn = "rule_delete_num";
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_delete_num", "ENOENT");
    if (rulenum >= c.rules.length) throw new NftOpError("rule_delete_num", "E2BIG");
    this.touchStale(c, c.rules[rulenum], "RULE_DELETE");
    this.debug?.ruleDelete(c.name, c.rules[rulenum]);
    c.rules.splice(rulenum, 1);
  }
  /** Returns the rule found (as stored: -v prints it, not the command's rule). */
  check(chainName, rule) {
    this.lastFn = "rule_check";
    this.assertChainExists(rule);
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_check", "ENOENT");
    const i = this.findRule(c, rule);
    if (i < 0) throw new NftOpError("rule_check", "ENOENT");
    return c.rules[i];
  }
  replace(chainName, rule, rulenum) {
    this.lastFn = "rule_replace";
    this.assertChainExists(rule);
    const c = this.chainFind(chainName);
    if (!c) throw new NftOpError("rule_replace", "ENOENT");
    if (rulenum >= c.rules.length) throw new NftOpError("rule_replace", "E2BIG");
    this.touchStale(c, c.rules[rulenum], "RULE_REPLACE");
    const old = c.rules[rulenum];
    c.rules[rulenum] = this.kernelAdd(c, rule, "RULE_REPLACE", old.handle);
    this.debug?.tableAdd();
    this.debug?.ruleAdd("replace", c.name, rule, c.rules[rulenum], old);
  }
  flush(chainName, verbose) {
    this.lastFn = "rule_flush";
    if (chainName !== null || verbose) this.builtinInit(chainName);
    else if (!this.work.exists) return;
    if (chainName !== null) {
      const c = this.chainFind(chainName);
      if (!c) throw new NftOpError("rule_flush", "ENOENT");
      this.dropPendingRules(chainName);
      if (verbose) this.stdout += `Flushing chain \`${chainName}'
`;
      this.debug?.dropPending(chainName);
      this.debug?.ruleFlush(chainName);
      c.rules = [];
      return;
    }
    if (!verbose) {
      this.debug?.dropPending(null);
      this.debug?.ruleFlush(null);
      this.dropPendingRules(null);
      this.work.foreign = this.work.foreign?.map((c) => ({ ...c, rules: [] }));
    }
    for (const c of this.presentChains(verbose)) {
      if (verbose) this.stdout += `Flushing chain \`${c.name}'
`;
      this.debug?.dropPending(c.name);
      this.debug?.ruleFlush(c.name);
      c.rules = [];
    }
  }
  /** Deleting or replacing a rule the batch already flushed: found in the cache, gone from the kernel. */
  touchStale(c, r, type) {
    if (!this.stale.has(r)) return;
    const f = { type, errno: "ENOENT", what: `rule in chain ${c.name}`, line: this.line };
    this.failures.push(f);
    this.pendingRuleFailures.set(f, c.name);
  }
  /** The rules the kernel holds (without those a restore `:CHAIN` line flushed). */
  liveRules(c) {
    return this.stale.size ? c.rules.filter((r) => !this.stale.has(r)) : c.rules;
  }
  /** batch_chain_flush(): rule operations of this batch in the chain (null: the table) never reach the kernel. */
  dropPendingRules(chainName) {
    for (const [r, a] of this.added) if (chainName === null || a.chain === chainName) this.added.delete(r);
    for (const [f, chain] of this.pendingRuleFailures) {
      if (chainName !== null && chain !== chainName) continue;
      this.failures.splice(this.failures.indexOf(f), 1);
      this.pendingRuleFailures.delete(f);
    }
  }
  zeroChain(c, verbose) {
    if (verbose) this.stdout += `Zeroing chain \`${c.name}'
`;
    this.debug?.chainZero(c, c.rules);
    if (isBuiltinChain(c)) {
      c.pcnt = 0;
      c.bcnt = 0;
      c.counting = true;
      const cached = this.cachedPolicy.get(c.name);
      if (cached !== void 0 && cached !== null) c.policy = cached;
    }
    c.rules = c.rules.map((r) => r.pcnt || r.bcnt ? { ...r, pcnt: 0, bcnt: 0 } : r);
  }
  zero(chainName, verbose) {
    if (chainName !== null) {
      const c = this.chainFind(chainName);
      if (!c) throw new NftOpError(this.lastFn ?? "chain_zero", "ENOENT");
      this.zeroChain(c, verbose);
      return;
    }
    for (const c of this.presentChains(verbose)) this.zeroChain(c, verbose);
  }
  /**
   * -L/-S with -Z: the listing faked absent base chains into the cache, so
   * zeroing them creates them (or fails when the table does not exist).
   */
  listZero(chainName, verbose) {
    const base = [...this.work.chains.values()].filter((c) => c.hook >= 0 && (chainName === null || c.name === chainName));
    if (!this.work.exists) {
      base.sort((a, b) => a.hook - b.hook);
      if (verbose) for (const c of base) this.stdout += `Zeroing chain \`${c.name}'
`;
      const first = base[0];
      if (first) this.failures.push({ type: "CHAIN_ZERO", errno: "ENOENT", what: `chain ${first.name}`, line: this.line });
      return;
    }
    for (const c of base) c.present = true;
    this.zero(chainName, verbose);
  }
  listZeroNum(chainName, rulenum) {
    const c = this.work.chains.get(chainName);
    if (c && c.hook >= 0 && !c.present) throw new NftOpError("rule_delete", "0");
    this.zeroNum(chainName, rulenum);
  }
  /** nft_rule_zero_counters(): a missing rule is not an error. */
  zeroNum(chainName, rulenum) {
    this.lastFn = "rule_delete";
    const c = this.chainFind(chainName);
    if (!c) {
      const names = [...findBuiltinTable(this.work.name).hooks.map((h) => HOOK_NAMES[h]), chainName].sort(
        (x, y) => x < y ? -1 : x > y ? 1 : 0
      );
      throw new NftOpError("rule_delete", this.chainFind(names.at(-1)) ? "0" : "ENOENT");
    }
    const r = c.rules[rulenum];
    if (!r) return;
    const z = { ...rebuiltRule(r), pcnt: 0, bcnt: 0 };
    this.debug?.tableAdd();
    this.debug?.ruleAdd("replace", c.name, z, z, r);
    c.rules[rulenum] = z;
  }
  /** nft_chain_restore(): a restore file's `:NAME - [p:b]` creates the chain or flushes it. */
  restoreChain(name) {
    this.builtinInit();
    const c = this.work.chains.get(name);
    if (c?.present) {
      for (const r of c.rules) this.stale.add(r);
      this.debug?.ruleFlush(name);
    } else {
      this.debug?.chainUserAdd(name);
      this.work.chains.set(name, { ...newUserChain(name), handle: this.nextHandle() });
      this.created.add(name);
      this.foreignClash(name, "CHAIN_USER_ADD");
    }
  }
  /** A name a foreign base chain holds: iptables does not see it, the kernel refuses it. */
  foreignClash(name, type) {
    if (this.work.foreign?.some((f) => f.name === name)) {
      this.failures.push({ type, errno: "EEXIST", what: `chain ${name}`, line: this.line });
    }
  }
  newChain(name) {
    this.lastFn = "chain_user_add";
    this.builtinInit();
    if (this.chainExists(name)) throw new NftOpError("chain_user_add", "EEXIST");
    this.debug?.chainUserAdd(name);
    this.work.chains.set(name, { ...newUserChain(name), handle: this.nextHandle() });
    this.created.add(name);
    this.foreignClash(name, "CHAIN_USER_ADD");
  }
  deleteChain(name, verbose) {
    this.lastFn = "chain_del";
    const refs = /* @__PURE__ */ new Map();
    for (const c of [...this.work.chains.values(), ...this.work.foreign ?? []])
      for (const r of this.liveRules(c)) if (r.target === null && r.jumpto) refs.set(r.jumpto, (refs.get(r.jumpto) ?? 0) + 1);
    const del = (c, explicit) => {
      if (verbose && !isBuiltinChain(c)) this.stdout += `Deleting chain \`${c.name}'
`;
      if (isBuiltinChain(c)) {
        this.debug?.chainDel(c, c.policy !== "ACCEPT" || !explicit && c.rules.length > 0);
        if (c.policy !== "ACCEPT") {
          if (explicit) throw new NftOpError("chain_del", "EBUSY");
          this.uncached.add(c.name);
          return;
        }
        if (c.rules.length > 0) {
          if (explicit) this.failures.push({ type: "CHAIN_DEL", errno: "EBUSY", what: `chain ${c.name}`, line: this.line });
          else this.uncached.add(c.name);
          return;
        }
        const fresh4 = freshBaseChain(c.hook, false);
        Object.assign(c, fresh4);
        return;
      }
      this.debug?.chainDel(c, false);
      if (this.liveRules(c).length > 0 || (refs.get(c.name) ?? 0) > 0) {
        this.failures.push({ type: "CHAIN_DEL", errno: "EBUSY", what: `chain ${c.name}`, line: this.line });
        return;
      }
      this.work.chains.delete(c.name);
    };
    if (name !== null) {
      const c = this.chainFind(name);
      if (!c) throw new NftOpError("chain_del", "ENOENT");
      del(c, true);
      return;
    }
    for (const c of this.presentChains(verbose)) del(c, false);
  }
  rename(oldName, newName) {
    this.lastFn = "chain_user_rename";
    if (this.chainExists(newName)) throw new NftOpError("chain_user_rename", "EEXIST");
    const c = this.chainFind(oldName);
    if (!c) throw new NftOpError("chain_user_rename", "ENOENT");
    this.debug?.chainRename(newName, c.handle);
    this.foreignClash(newName, "CHAIN_RENAME");
    if (isBuiltinChain(c)) {
      this.work.foreign = [...this.work.foreign ?? [], { ...c, name: newName }];
      Object.assign(c, freshBaseChain(c.hook, false));
      return;
    }
    const chains = /* @__PURE__ */ new Map();
    for (const [k, v] of this.work.chains) {
      if (k === oldName) chains.set(newName, { ...v, name: newName });
      else chains.set(k, v);
    }
    for (const ch2 of chains.values()) {
      if (ch2.rules.some((r) => r.target === null && r.jumpto === oldName)) {
        ch2.rules = ch2.rules.map((r) => r.target === null && r.jumpto === oldName ? { ...r, jumpto: newName, saveText: void 0 } : r);
      }
    }
    this.work.chains = chains;
  }
  setPolicy(chainName, policy, counters) {
    this.lastFn = "chain_set";
    if (policy !== "DROP" && policy !== "ACCEPT" && policy !== "-") throw new NftOpError("chain_set", "EINVAL");
    if (!findBuiltinTable(this.work.name)) throw new NftOpError("chain_set", "ENXIO");
    this.builtinInit(chainName);
    const c = this.work.chains.get(chainName);
    if (!c || !isBuiltinChain(c)) throw new NftOpError("chain_set", "ENOENT");
    this.debug?.chainUpdate(c.hook, policy, counters ?? { pcnt: 0, bcnt: 0 });
    if (policy !== "-") c.policy = policy;
    c.counting = true;
    if (counters) {
      c.pcnt = counters.pcnt;
      c.bcnt = counters.bcnt;
    }
  }
  /** The kernel's commit: table-wide validation; returns the failures (empty when accepted). */
  commit() {
    if (this.stale.size) for (const c of this.work.chains.values()) c.rules = this.liveRules(c);
    const failures = this.validateCommit();
    if (failures.length > 0 && !this.recreated && this.original.exists && this.work.hgen !== this.original.hgen) {
      const t = this.env.ruleset.tables.get(this.original.name);
      if (t === this.original) this.env.ruleset.tables.set(t.name, { ...t, hgen: this.work.hgen });
    }
    return failures;
  }
  validateCommit() {
    if (this.failures.length > 0) return this.failures;
    const v = validateTable(this.work);
    if (!v.error) return [];
    const order = [...this.added.keys()];
    const index = new Map(order.map((r, i) => [r, i]));
    const upTo = (k) => {
      const chains = /* @__PURE__ */ new Map();
      for (const [n, c] of this.work.chains) chains.set(n, { ...c, rules: c.rules.filter((r) => (index.get(r) ?? -1) <= k) });
      return { ...this.work, chains };
    };
    const invalid = (k) => validateTable(upTo(k)).error;
    if (invalid(-1)) return [this.blameOne(v)];
    let lo = 0;
    let hi = order.length - 1;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (invalid(mid)) hi = mid;
      else lo = mid + 1;
    }
    const firstErr = invalid(lo);
    return order.slice(lo).map((r, i) => {
      const a = this.added.get(r);
      return { type: a.type, errno: (i === 0 ? firstErr : v.error).errno, what: `rule in chain ${a.chain}`, line: a.line };
    });
  }
  /** A table invalid before this batch's rules: blame the last-added rule on the bad path. */
  blameOne(v) {
    const order = [...this.added.keys()];
    const onPath = (v.path ?? []).filter((p) => this.added.has(p.rule)).map((p) => p.rule);
    const hit = onPath.sort((x, y) => order.indexOf(y) - order.indexOf(x))[0] ?? v.rule;
    const blamed = hit ? this.added.get(hit) : void 0;
    const chain = blamed?.chain ?? v.chain ?? "";
    return {
      type: blamed?.type ?? "RULE_APPEND",
      errno: v.error.errno,
      what: `rule in chain ${chain}`,
      line: blamed?.line ?? this.line
    };
  }
};
function listFormat2(options) {
  let format = FMT_OPTIONS;
  if (!(options & OPT_VERBOSE)) format |= FMT_NOCOUNTS;
  else format |= FMT_VIA;
  if (options & OPT_NUMERIC) format |= FMT_NUMERIC;
  if (!(options & OPT_EXPANDED)) format |= FMT_KILOMEGAGIGA;
  if (options & OPT_LINENUMBERS) format |= FMT_LINENUMBERS;
  return format;
}
function targetName(rule) {
  return rule.target?.ext.realName ?? rule.jumpto;
}
var TAINT_LINE = (t) => `# Table \`${t.name}' contains incompatible base-chains, use 'nft' tool to list them.
`;
function listTable(table, chain, rulenum, format, db, unknownRefs, cachedPolicy) {
  const pol = (c) => cachedPolicy?.has(c.name) ? cachedPolicy.get(c.name) : c.policy;
  const taint = chain === null && table.foreign?.length ? TAINT_LINE(table) : "";
  const refs = (c) => unknownRefs?.has(c.name) && c.hook < 0 ? -1 : referenceCount(table, c.name);
  if (chain !== null) {
    const c = listableChain(table, chain);
    if (!c) return taint;
    let out = taint;
    if (!rulenum) out += printHeader(format, c.name, pol(c), c.pcnt, c.bcnt, refs(c));
    out += listRules2(c, rulenum, format, db);
    return out;
  }
  const parts = [];
  for (const c of listableChains(table)) {
    parts.push(printHeader(format, c.name, pol(c), c.pcnt, c.bcnt, refs(c)) + listRules2(c, 0, format, db));
  }
  return taint + parts.join("\n");
}
function listRules2(c, rulenum, format, db) {
  if (rulenum > 0) {
    const r = c.rules[rulenum - 1];
    return r ? printRule(r, rulenum, format, targetName(r), db) : "";
  }
  let out = "";
  for (let i = 0; i < c.rules.length; i++) out += printRule(c.rules[i], i + 1, format, targetName(c.rules[i]), db);
  return out;
}
function listableChains(table) {
  return orderedChains(table).filter((c) => table.exists || c.hook >= 0);
}
function listableChain(table, name) {
  const c = table.chains.get(name);
  if (!c) return void 0;
  if (!table.exists && c.hook < 0) return void 0;
  return c;
}
function listRulesSave(table, chain, rulenum, counters, db, cachedPolicy) {
  const chainLine = (c) => {
    if (c.hook < 0) return `-N ${c.name}
`;
    const policy = cachedPolicy?.has(c.name) ? cachedPolicy.get(c.name) : c.policy;
    return `-P ${c.name} ${policy}${counters ? ` -c ${c.pcnt} ${c.bcnt}` : ""}
`;
  };
  const rulesOf = (c, num) => {
    let out2 = "";
    const list = num > 0 ? c.rules[num - 1] ? [c.rules[num - 1]] : [] : c.rules;
    for (const r of list) out2 += `-A ${c.name}${saveRuleBody(r, db, counters)}
`;
    return out2;
  };
  const taint = chain === null && table.foreign?.length ? TAINT_LINE(table) : "";
  if (chain !== null) {
    const c = listableChain(table, chain);
    if (!c) return taint;
    return taint + (rulenum ? "" : chainLine(c)) + rulesOf(c, rulenum);
  }
  const chains = listableChains(table);
  let out = taint;
  for (const c of chains) out += chainLine(c);
  for (const c of chains) out += rulesOf(c, 0);
  return out;
}
function assertListable(table, chain, program, flavour) {
  if (chain !== null && !listableChain(table, chain)) {
    throw new XtablesError(
      1 /* Other */,
      `chain \`${chain}' in table \`${table.name}' is incompatible, use 'nft' tool.`,
      "plain"
    );
  }
  void program;
  void flavour;
}
function executeCommand(env, p, program) {
  if (!findBuiltinTable(p.table)) throw versionError(`table '${p.table}' does not exist`);
  const original = env.ruleset.table(p.table);
  const prepared = prepareCommand(p);
  const tx = new Transaction(original, env);
  if (p.verbose > 1) {
    const req = new CacheRequest();
    commandCacheRequest(req, prepared);
    tx.debug = new NftBatch(original, p.verbose);
    tx.stdout = cacheFetchText(original, req);
  }
  try {
    applyCommand(tx, prepared, program);
  } catch (e) {
    if (e instanceof NftOpError || e instanceof XtablesError) e.stdout = tx.stdout;
    throw e;
  }
  if (tx.debug) tx.stdout += tx.debug.render();
  if (p.command === CMD_CHECK || p.command & (CMD_LIST | CMD_LIST_RULES) && !(p.command & (CMD_ZERO | CMD_ZERO_NUM))) {
    return { stdout: tx.stdout, table: null };
  }
  const failures = tx.commit();
  if (failures.length > 0) throw new KernelBatchError(failures, tx.stdout);
  return { stdout: tx.stdout, table: tx.work };
}
function prepareCommand(p) {
  return p.rules.length ? { ...p, rules: p.rules.map(normalizeRule) } : p;
}
function applyCommand(tx, p, program) {
  const env = tx.env;
  const verbose = (p.options & OPT_VERBOSE) !== 0;
  const chain = p.chain;
  const cmd = p.command;
  if (cmd & (CMD_LIST | CMD_LIST_RULES)) {
    const t = tx.work;
    assertListable(t, chain, program, env.flavour);
    if (cmd & CMD_LIST) tx.stdout += listTable(t, chain, p.rulenum, listFormat2(p.options), env.db, tx.created, tx.cachedPolicy);
    else tx.stdout += listRulesSave(t, chain, p.rulenum, verbose, env.db, tx.cachedPolicy);
    if (cmd & CMD_ZERO) tx.listZero(chain, verbose);
    else if (cmd & CMD_ZERO_NUM) tx.listZeroNum(chain, p.rulenum - 1);
    return;
  }
  const echo2 = verbose && cmd & (CMD_APPEND | CMD_INSERT | CMD_DELETE | CMD_REPLACE | CMD_CHECK);
  switch (cmd) {
    case CMD_APPEND:
      for (const r of p.rules) {
        if (echo2) {
          tx.assertChainExists(r);
          tx.stdout += verboseRule(r, env);
        }
        tx.append(chain, r);
      }
      break;
    case CMD_INSERT:
      for (const r of p.rules) {
        tx.insert(chain, r, p.rulenum - 1);
        if (echo2) tx.stdout += verboseRule(r, env);
      }
      break;
    case CMD_DELETE:
      for (const r of p.rules) {
        const found = tx.delete(chain, r);
        if (echo2) tx.stdout += verboseRule(found, env);
      }
      break;
    case CMD_DELETE_NUM:
      tx.deleteNum(chain, p.rulenum - 1);
      break;
    case CMD_CHECK:
      for (const r of p.rules) {
        const found = tx.check(chain, r);
        if (echo2) tx.stdout += verboseRule(found, env);
      }
      break;
    case CMD_REPLACE:
      tx.replace(chain, p.rules[0], p.rulenum - 1);
      if (echo2) tx.stdout += verboseRule(p.rules[0], env);
      break;
    case CMD_FLUSH:
      tx.flush(chain, verbose);
      break;
    case CMD_ZERO:
      tx.zero(chain, verbose);
      break;
    case CMD_ZERO_NUM:
      tx.zeroNum(chain, p.rulenum - 1);
      break;
    case CMD_NEW_CHAIN:
      tx.newChain(chain);
      break;
    case CMD_DELETE_CHAIN:
      tx.deleteChain(chain, verbose);
      break;
    case CMD_RENAME_CHAIN:
      tx.rename(chain, p.newname);
      break;
    case CMD_SET_POLICY:
      tx.setPolicy(chain, p.policy, { pcnt: 0, bcnt: 0 });
      break;
    case CMD_NONE:
      break;
    default:
      throw paramError("unknown command");
  }
}
function verboseRule(r, env) {
  const format = FMT_NOCOUNTS | FMT_OPTIONS | FMT_VIA | FMT_NUMERIC | FMT_NOTABLE;
  const queue = env.flavour === "nft" && r.target?.ext.name === "standard" && r.jumpto === "QUEUE";
  return printRule(r, 0, format, queue ? "standard" : targetName(r), env.db);
}
function runIptables(env, args) {
  if (env.flavour === "legacy") return runLegacyIptables(env, args);
  const program = "iptables";
  const version = versionString(env.flavour);
  let warnings = "";
  takePrintWarnings();
  try {
    const parsed = parseCommand([program, ...args], {
      registry: env.registry,
      db: env.db,
      table: "filter",
      restore: false,
      line: -1
    });
    warnings = parsed.warnings;
    if (parsed.kind === "help") return { stdout: fillProgram(parsed.stdout, program, version), stderr: warnings, status: 0 };
    if (parsed.kind === "version") return { stdout: fillProgram(parsed.stdout, program, version), stderr: warnings, status: 0 };
    const { stdout, table } = executeCommand(env, parsed, program);
    if (table) env.ruleset.tables.set(table.name, table);
    return { stdout, stderr: warnings + takePrintWarnings(), status: 0 };
  } catch (e) {
    if (e instanceof XtablesError && e.warnings) warnings += e.warnings;
    const stdout = e instanceof KernelBatchError || e instanceof NftOpError || e instanceof XtablesError ? e.stdout : "";
    return { stdout, stderr: warnings + takePrintWarnings() + errorText(e, program, version, -1), status: errorStatus(e) };
  }
}
function fillProgram(text, program, version) {
  return text.replaceAll("@PROGRAM@", program).replaceAll("@VERSION@", version);
}
function errorText(e, program, version, line) {
  if (e instanceof XtablesError) return formatXtablesError(e, program, version, line);
  if (e instanceof NftOpError) {
    return `${program}: ${nftStrerror(e.fn, e.errno)}.${e.errno === "EINVAL" ? " Run `dmesg' for more information." : ""}
`;
  }
  if (e instanceof KernelBatchError) {
    let msg = "";
    for (const f of e.failures) {
      msg += kernelFailureText(f);
      if (!f.line) break;
    }
    return `${program} v${version}: ${msg}
`;
  }
  throw e;
}
function errorStatus(e) {
  if (e instanceof XtablesError) return e.status;
  if (e instanceof NftOpError) return e.errno === "EAGAIN" ? 4 /* Resource */ : 1;
  if (e instanceof KernelBatchError) return 4 /* Resource */;
  throw e;
}

// src/compat/iptables/legacy-restore.ts
var RESTORE_OPTS = [
  { name: "counters", hasArg: 0, val: ch("c") },
  { name: "verbose", hasArg: 0, val: ch("v") },
  { name: "version", hasArg: 0, val: ch("V") },
  { name: "test", hasArg: 0, val: ch("t") },
  { name: "help", hasArg: 0, val: ch("h") },
  { name: "noflush", hasArg: 0, val: ch("n") },
  { name: "modprobe", hasArg: 1, val: ch("M") },
  { name: "table", hasArg: 1, val: ch("T") },
  { name: "wait", hasArg: 2, val: ch("w") },
  { name: "wait-interval", hasArg: 2, val: ch("W") }
];
function usage(name) {
  return `Usage: ${name} [-c] [-v] [-V] [-t] [-h] [-n] [-w secs] [-W usecs] [-T table] [-M command] [file]
	   [ --counters ]
	   [ --verbose ]
	   [ --version]
	   [ --test ]
	   [ --help ]
	   [ --noflush ]
	   [ --wait=<seconds>
	   [ --table=<TABLE> ]
	   [ --modprobe=<command> ]
`;
}
function scanNumber(s, base) {
  const t = s.replace(/^[ \t\n\v\f\r]+/, "");
  const neg = t[0] === "-";
  const body2 = t[0] === "-" || t[0] === "+" ? t.slice(1) : t;
  let digits;
  let v;
  if (base === 0 && /^0[xX][0-9a-fA-F]/.test(body2)) {
    digits = /^0[xX]([0-9a-fA-F]+)/.exec(body2);
    v = BigInt(`0x${digits[1]}`);
  } else if (base === 0 && body2[0] === "0") {
    digits = /^0([0-7]*)/.exec(body2);
    v = digits[1] ? BigInt(`0o${digits[1]}`) : 0n;
  } else {
    digits = /^[0-9]+/.exec(body2);
    if (!digits) return void 0;
    v = BigInt(digits[0]);
  }
  return neg ? -v : v;
}
function parseLegacyRestoreArgs(args, program) {
  const argv = [program, ...args];
  const g = new Getopt(argv, "bcvVthnwWM:T:");
  g.printErrors = true;
  const o = {};
  let stderr = "";
  let wait = 0;
  let intervalSet = false;
  const version = versionString("legacy");
  const hasArg2 = () => g.optind < argv.length && argv[g.optind][0] !== "-" && argv[g.optind][0] !== "!";
  const fail2 = (msg) => ({
    kind: "exit",
    result: {
      stdout: "",
      stderr: stderr + formatXtablesError(paramError(msg), program, version, 0),
      status: 2 /* Parameter */
    }
  });
  for (; ; ) {
    const c = g.next(RESTORE_OPTS);
    if (c === GETOPT_END) break;
    stderr += g.takeErrors();
    switch (c) {
      case ch("b"):
        stderr += "-b/--binary option is not implemented\n";
        break;
      case ch("c"):
        o.counters = true;
        break;
      case ch("v"):
        o.verbose = (o.verbose ?? 0) + 1;
        break;
      case ch("V"):
        return {
          kind: "exit",
          result: { stdout: `${program} v${version}
`, stderr, status: 0 }
        };
      case ch("t"):
        o.test = true;
        break;
      case ch("h"):
        return {
          kind: "exit",
          result: { stdout: "", stderr: stderr + usage(program), status: 0 }
        };
      case ch("n"):
        o.noflush = true;
        break;
      case ch("w"): {
        const arg = g.optarg ?? (hasArg2() ? argv[g.optind++] : null);
        wait = -1;
        if (arg !== null) {
          const v = scanNumber(arg, 0);
          if (v === void 0) return fail2("wait seconds not numeric");
          wait = Number(BigInt.asIntN(32, v));
        }
        break;
      }
      case ch("W"): {
        const arg = g.optarg ?? (hasArg2() ? argv[g.optind++] : null);
        if (arg === null) return fail2("wait interval value required");
        const v = scanNumber(arg, 10);
        if (v === void 0) return fail2("wait interval not numeric");
        const usec = BigInt.asUintN(32, v);
        if (usec > 999999n) return fail2(`too long usec wait ${usec} > 999999 usec`);
        stderr += "Ignoring deprecated --wait-interval option.\n";
        intervalSet = true;
        break;
      }
      case ch("M"):
        break;
      case ch("T"):
        o.table = g.optarg;
        break;
      default:
        return {
          kind: "exit",
          result: {
            stdout: "",
            stderr: `${stderr}Try \`${program} -h' for more information.
`,
            status: 1
          }
        };
    }
  }
  let input = {
    kind: "stdin"
  };
  if (g.optind === argv.length - 1) input = { kind: "file", path: argv[g.optind] };
  else if (g.optind < argv.length) {
    return {
      kind: "exit",
      result: {
        stdout: "",
        stderr: `${stderr}Unknown arguments found on commandline
`,
        status: 1
      }
    };
  }
  if (intervalSet && !wait) {
    return {
      kind: "exit",
      result: {
        stdout: "",
        stderr: `${stderr}Option --wait-interval requires option --wait
`,
        status: 1
      }
    };
  }
  if (stderr) o.stderr = stderr;
  return { kind: "run", options: o, input };
}
function fgetsLines(input) {
  const out = [];
  const max = 10239;
  let start = 0;
  while (start < input.length) {
    const nl = input.indexOf("\n", start);
    const end = nl < 0 ? input.length : nl + 1;
    for (let i = start; i < end; i += max) out.push(input.slice(i, Math.min(end, i + max)));
    start = end;
  }
  return out;
}
function strtokAll(s, delims) {
  const out = [];
  let cur = "";
  for (const c of s) {
    if (delims.includes(c)) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur) out.push(cur);
  return out;
}
function ruleCounters(buffer, line) {
  if (buffer[0] !== "[") return { rest: buffer };
  const close = buffer.indexOf("]");
  if (close < 0) throw paramError(`Bad line ${line}: need ]`);
  const s = buffer.slice(1);
  let i = 0;
  while (i < s.length && s[i] === ":") i++;
  if (i >= s.length) throw paramError(`Bad line ${line}: need :`);
  let j = i;
  while (j < s.length && s[j] !== ":") j++;
  const pcnt = s.slice(i, j);
  let k = j < s.length ? j + 1 : j;
  while (k < s.length && s[k] === "]") k++;
  if (k >= s.length) throw paramError(`Bad line ${line}: need ]`);
  let m = k;
  while (m < s.length && s[m] !== "]") m++;
  return { rest: buffer.slice(close + 1), pcnt, bcnt: s.slice(k, m) };
}
function policyCounters(s) {
  if (!s || s[0] !== "[") return void 0;
  const colon = s.indexOf(":");
  if (colon < 0) return void 0;
  const p = scanUnsigned(s.slice(1, colon));
  const b = scanUnsigned(s.slice(colon + 1));
  if (p === void 0 || b === void 0) return void 0;
  return { pcnt: Number(p), bcnt: Number(b) };
}
function runLegacyRestore(env, input, o, program = "iptables-restore") {
  const version = versionString("legacy");
  let stdout = "";
  let stderr = o.stderr ?? "";
  let handle = null;
  let inTable = false;
  let curtable = "";
  let line = 0;
  const announced = /* @__PURE__ */ new Set();
  const loaded = /* @__PURE__ */ new Set();
  const take = () => {
    if (handle) {
      stdout += handle.stdout;
      handle.stdout = "";
    }
  };
  for (const buffer of fgetsLines(input)) {
    line++;
    let ret = false;
    if (buffer[0] === "\n") continue;
    if (buffer[0] === "#") {
      if (o.verbose) stdout += buffer;
      continue;
    }
    try {
      if (buffer === "COMMIT\n" && inTable) {
        ret = o.test ? true : handle.commit();
        handle = null;
        inTable = false;
      } else if (buffer[0] === "*" && !inTable) {
        const table = strtokAll(buffer.slice(1), " 	\n")[0];
        if (table === void 0) throw paramError(`${program}: line ${line} table name invalid`);
        curtable = table.slice(0, 32);
        if (o.table !== void 0 && o.table !== table) continue;
        const opened = legacyOpen(env, table);
        if (!(opened instanceof LegacyHandle)) throw paramError(`${program}: unable to initialize table '${table}'`);
        handle = opened;
        if (!o.noflush) {
          legacyFlush(handle, null, (o.verbose ?? 0) > 0);
          legacyDeleteChain(handle, null, (o.verbose ?? 0) > 0);
          take();
        }
        ret = true;
        inTable = true;
      } else if (buffer[0] === ":" && inTable) {
        const h = handle;
        const toks = strtokAll(buffer.slice(1), " 	\n");
        const chain = toks[0];
        if (chain === void 0) throw paramError(`${program}: line ${line} chain name invalid`);
        if (chain.length >= 29) throw paramError(`Invalid chain name \`${chain}' (28 chars max)`);
        if (!h.builtin(chain)) {
          if (o.noflush && h.isChain(chain)) {
            if (!h.flush(chain)) throw paramError(`error flushing chain '${chain}':${STRERROR[h.errno]}`);
          } else if (!h.createChain(chain)) {
            throw paramError(`error creating chain '${chain}':${STRERROR[h.errno]}`);
          }
        }
        const policy = toks[1];
        if (policy === void 0) throw paramError(`${program}: line ${line} policy invalid`);
        if (policy !== "-") {
          let count = { pcnt: 0, bcnt: 0 };
          if (o.counters) {
            const c = policyCounters(toks[2]);
            if (!c) throw paramError(`invalid policy counters for chain '${chain}'`);
            count = c;
          }
          if (!h.setPolicy(chain, policy, count)) {
            throw otherError(
              `Can't set policy \`${policy}' on \`${chain}' line ${line}: ${legacyStrerror(h.fn, h.errno)}`
            );
          }
        }
        announced.add(chain);
        ret = true;
      } else if (inTable) {
        const h = handle;
        const argv = [program, "-t", curtable];
        if (!o.noflush) for (let i = 0; i < (o.verbose ?? 0); i++) argv.push("-v");
        const { rest, pcnt, bcnt } = ruleCounters(buffer, line);
        if (o.counters && pcnt !== void 0 && bcnt !== void 0) argv.push("--set-counters", pcnt, bcnt);
        splitRestoreLine(rest, argv);
        const parsed = parseCommand(argv, {
          registry: env.registry,
          db: env.db,
          table: curtable,
          restore: true,
          line,
          announced,
          loaded
        });
        stderr += parsed.warnings;
        if (parsed.kind !== "command") {
          stdout += parsed.stdout.replaceAll("@PROGRAM@", program).replaceAll("@VERSION@", version);
          return { stdout, stderr, status: 0 };
        }
        ret = legacyDoCommand(h, parsed, (w) => {
          stderr += w;
        });
        take();
      }
    } catch (e) {
      take();
      if (e instanceof LegacyExit) return { stdout, stderr: stderr + e.stderr, status: e.status };
      if (!(e instanceof XtablesError)) throw e;
      return {
        stdout,
        stderr: stderr + e.warnings + formatXtablesError(e, program, version, line),
        status: e.status
      };
    }
    if (o.table !== void 0 && o.table !== curtable) continue;
    if (!ret)
      return {
        stdout,
        stderr: `${stderr}${program}: line ${line} failed
`,
        status: 1
      };
  }
  if (inTable)
    return {
      stdout,
      stderr: `${stderr}${program}: COMMIT expected at line ${line + 1}
`,
      status: 1
    };
  return { stdout, stderr, status: 0 };
}

// src/compat/iptables/restore.ts
var RESTORE_OPTS2 = [
  { name: "counters", hasArg: 0, val: ch("c") },
  { name: "verbose", hasArg: 0, val: ch("v") },
  { name: "version", hasArg: 0, val: ch("V") },
  { name: "test", hasArg: 0, val: ch("t") },
  { name: "help", hasArg: 0, val: ch("h") },
  { name: "noflush", hasArg: 0, val: ch("n") },
  { name: "modprobe", hasArg: 1, val: ch("M") },
  { name: "table", hasArg: 1, val: ch("T") },
  { name: "ipv4", hasArg: 0, val: ch("4") },
  { name: "ipv6", hasArg: 0, val: ch("6") },
  { name: "wait", hasArg: 2, val: ch("w") },
  { name: "wait-interval", hasArg: 2, val: ch("W") }
];
function parseRestoreArgs(args, program, flavour) {
  if (flavour === "legacy") return parseLegacyRestoreArgs(args, program);
  const argv = [program, ...args];
  const g = new Getopt(argv, "bcvVthnM:T:wW");
  g.printErrors = true;
  const o = {};
  let stderr = "";
  for (; ; ) {
    const c = g.next(RESTORE_OPTS2);
    if (c === GETOPT_END) break;
    stderr += g.takeErrors();
    switch (c) {
      case ch("b"):
        stderr += "-b/--binary option is not implemented\n";
        break;
      case ch("c"):
        o.counters = true;
        break;
      case ch("v"):
        o.verbose = (o.verbose ?? 0) + 1;
        break;
      case ch("V"):
        return { kind: "exit", result: { stdout: `${program} v${versionString(flavour)}
`, stderr, status: 0 } };
      case ch("t"):
        o.test = true;
        break;
      case ch("h"):
        return { kind: "exit", result: { stdout: "", stderr: stderr + usage2(program), status: 0 } };
      case ch("n"):
        o.noflush = true;
        break;
      case ch("M"):
      case ch("4"):
      case ch("6"):
        break;
      case ch("T"):
        o.table = g.optarg;
        break;
      case ch("w"):
      case ch("W"): {
        const next = argv[g.optind];
        if (g.optarg === null && next !== void 0 && next[0] !== "-" && next[0] !== "!") g.optind++;
        break;
      }
      default:
        return { kind: "exit", result: { stdout: "", stderr: `${stderr}Try \`${program} -h' for more information.
`, status: 1 } };
    }
  }
  if (g.optind === argv.length - 1) return { kind: "run", options: o, input: { kind: "file", path: argv[g.optind] } };
  if (g.optind < argv.length) {
    return { kind: "exit", result: { stdout: "", stderr: `${stderr}Unknown arguments found on commandline
`, status: 1 } };
  }
  return { kind: "run", options: o, input: { kind: "stdin" } };
}
function usage2(name) {
  return `Usage: ${name} [-c] [-v] [-V] [-t] [-h] [-n] [-T table] [-M command] [-4] [-6] [file]
	   [ --counters ]
	   [ --verbose ]
	   [ --version]
	   [ --test ]
	   [ --help ]
	   [ --noflush ]
	   [ --table=<TABLE> ]
	   [ --modprobe=<command> ]
	   [ --ipv4 ]
	   [ --ipv6 ]
`;
}
function splitRestoreLine(s, out) {
  const n = s.length;
  let param = "";
  let has = false;
  let i = 0;
  const push = () => {
    if (param.length > 1023) throw paramError("Parameter too long!");
    if (out.length + 1 >= 255) throw paramError("Parser cannot handle more arguments");
    out.push(param);
    param = "";
    has = false;
  };
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      has = true;
      i++;
      let start2 = i;
      for (; ; ) {
        if (i >= n) {
          param += s.slice(start2, i);
          break;
        }
        const d = s.charCodeAt(i);
        if (d === 92) {
          param += s.slice(start2, i);
          if (i + 1 < n) param += s[i + 1];
          i += 2;
          start2 = i;
          continue;
        }
        if (d === 34) {
          param += s.slice(start2, i);
          i++;
          push();
          break;
        }
        i++;
      }
      continue;
    }
    if (c === 32 || c === 9 || c === 10) {
      if (param.length || has) push();
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d === 32 || d === 9 || d === 10 || d === 34) break;
      i++;
    }
    param += s.slice(start, i);
    has = true;
  }
  if (param.length) push();
}
function runRestore(env, input, o, program = "iptables-restore", now) {
  if (env.flavour === "legacy") return runLegacyRestore(env, input, o, program);
  void now;
  const version = versionString(env.flavour);
  let stdout = "";
  let stderr = "";
  let line = 0;
  let pending2 = null;
  let lastTx = null;
  let curTable = null;
  const announced = /* @__PURE__ */ new Set();
  const loaded = /* @__PURE__ */ new Set();
  const fail2 = (e, atLine) => ({
    stdout,
    stderr: stderr + (e instanceof XtablesError ? e.warnings : "") + errorText(e, program, version, atLine),
    status: errorStatus(e)
  });
  const commit = (p) => {
    let opLine = 0;
    try {
      for (const op of p.ops) {
        opLine = op.line;
        p.tx.line = op.line;
        op.run();
      }
    } catch (e) {
      stdout += p.tx.stdout;
      if (e instanceof NftOpError) {
        return { stdout, stderr: `${stderr}${program}: line ${opLine} failed: ${nftStrerror(e.fn, e.errno)}.
`, status: 1 };
      }
      return fail2(e, line);
    }
    stdout += p.tx.stdout;
    const failures = p.tx.commit();
    if (failures.length) return fail2(new KernelBatchError(failures), line);
    env.ruleset.tables.set(p.tx.work.name, p.tx.work);
    return null;
  };
  const lines = splitLines(input);
  for (const raw of lines) {
    line++;
    const buffer = raw;
    if (buffer === "\n") continue;
    if (buffer[0] === "#") {
      if (o.verbose) stdout += buffer;
      continue;
    }
    let ret = false;
    try {
      if (pending2 && buffer.startsWith("COMMIT") && (buffer.length === 6 || buffer[6] === "\n")) {
        if (!o.test) {
          const r = commit(pending2);
          if (r) return r;
        }
        pending2 = null;
        ret = true;
      } else if (buffer[0] === "*" && !pending2) {
        const table = firstToken(buffer, 1);
        if (table === void 0) throw paramError(`${program}: line ${line} table name invalid`);
        if (!findBuiltinTable(table)) throw paramError(`${program}: line ${line} table name '${table}' invalid`);
        curTable = table;
        if (o.table !== void 0 && o.table !== table) continue;
        const original = env.ruleset.table(table);
        const tx = new Transaction(original, env, line);
        tx.lastFn = lastTx?.lastFn ?? null;
        lastTx = tx;
        pending2 = { tx, ops: [] };
        if (!o.noflush && o.verbose) {
          pending2.ops.push({
            line,
            run: () => {
              tx.flush(null, true);
              tx.deleteChain(null, true);
            }
          });
        } else if (!o.noflush) {
          const def = findBuiltinTable(table);
          pending2.ops.push({
            line,
            run: () => {
              tx.lastFn = "table_flush";
              const fresh4 = newTable(def, false);
              tx.work.exists = false;
              tx.work.chains = fresh4.chains;
              tx.cachedPolicy.clear();
              tx.work.foreign = void 0;
            }
          });
        }
        ret = true;
      } else if (buffer[0] === ":" && pending2) {
        const toks = tokens(buffer.slice(1));
        const chain = toks[0];
        if (chain === void 0) throw paramError(`${program}: line ${line} chain name invalid`);
        announced.add(chain);
        assertValidChainName(chain, env.registry, announced);
        const policy = toks[1];
        if (policy === void 0) throw paramError(`${program}: line ${line} policy invalid`);
        const tx = pending2.tx;
        const builtin = findBuiltinTable(tx.work.name).hooks.includes(hookOfBuiltin(chain));
        if (builtin) {
          let counters = { pcnt: 0, bcnt: 0 };
          if (o.counters) {
            const c = parseCounters(toks[2]);
            if (!c) throw paramError(`invalid policy counters for chain '${chain}'`);
            counters = c;
          }
          pending2.ops.push({ line, run: () => tx.setPolicy(chain, policy, counters) });
        } else {
          pending2.ops.push({ line, run: () => tx.restoreChain(chain) });
        }
        ret = true;
      } else if (pending2) {
        let rest = buffer;
        let pc;
        let bc;
        if (rest[0] === "[") {
          const close = rest.indexOf("]");
          if (close < 0) throw paramError(`Bad line ${line}: need ]`);
          const inner = rest.slice(1, close);
          const colon = inner.indexOf(":");
          const parts = inner.split(":").filter((x) => x !== "");
          if (parts.length === 0) throw paramError(`Bad line ${line}: need :`);
          if (colon < 0 || parts.length < 2) throw paramError(`Bad line ${line}: need ]`);
          pc = parts[0];
          bc = parts[1];
          rest = rest.slice(close + 1);
        }
        const argv = [program, "-t", pending2.tx.work.name];
        if (!o.noflush) for (let i = 0; i < (o.verbose ?? 0); i++) argv.push("-v");
        if (o.counters && pc !== void 0 && bc !== void 0) argv.push("--set-counters", pc, bc);
        splitRestoreLine(rest, argv);
        const parsed = parseCommand(argv, {
          registry: env.registry,
          db: env.db,
          table: pending2.tx.work.name,
          restore: true,
          line,
          announced,
          loaded
        });
        if (parsed.kind !== "command") {
          stdout += parsed.stdout.replaceAll("@PROGRAM@", program).replaceAll("@VERSION@", version);
          return { stdout, stderr: stderr + parsed.warnings, status: 0 };
        }
        stderr += parsed.warnings;
        if (!findBuiltinTable(parsed.table)) {
          throw new XtablesError(3 /* Version */, `table '${parsed.table}' does not exist`, "version");
        }
        const prepared = prepareCommand(parsed);
        const tx = pending2.tx;
        pending2.ops.push({ line, run: () => applyCommand(tx, prepared, program) });
        ret = true;
      }
    } catch (e) {
      return fail2(e, line);
    }
    if (o.table !== void 0 && curTable !== null && o.table !== curTable) continue;
    if (!ret) return { stdout, stderr: `${stderr}${program}: line ${line} failed
`, status: 1 };
  }
  if (pending2) return { stdout, stderr: `${stderr}${program}: COMMIT expected at line ${line + 1}
`, status: 1 };
  return { stdout, stderr, status: 0 };
}
function splitLines(input) {
  const out = [];
  let start = 0;
  for (; ; ) {
    const nl = input.indexOf("\n", start);
    if (nl < 0) {
      if (start < input.length) out.push(input.slice(start));
      break;
    }
    out.push(input.slice(start, nl + 1));
    start = nl + 1;
  }
  return out;
}
function tokens(s) {
  return s.split(/[ \t\n]+/).filter((t) => t.length > 0);
}
function firstToken(s, from) {
  return tokens(s.slice(from))[0];
}
function parseCounters(s) {
  if (!s || s[0] !== "[") return void 0;
  const colon = s.indexOf(":");
  if (colon < 0) return void 0;
  const p = scanUnsigned(s.slice(1, colon));
  const b = scanUnsigned(s.slice(colon + 1));
  if (p === void 0 || b === void 0) return void 0;
  return { pcnt: Number(p), bcnt: Number(b) };
}

// src/core/time.ts
var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function two(n) {
  return n < 10 ? `0${n}` : String(n);
}
function formatCtime(epochSeconds) {
  const d = new Date(epochSeconds * 1e3);
  const day = d.getUTCDate();
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day < 10 ? ` ${day}` : day} ${two(d.getUTCHours())}:${two(
    d.getUTCMinutes()
  )}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

// src/compat/iptables/legacy-save.ts
var SAVE_OPTS = [
  { name: "counters", hasArg: 0, val: ch("c") },
  { name: "dump", hasArg: 0, val: ch("d") },
  { name: "table", hasArg: 1, val: ch("t") },
  { name: "modprobe", hasArg: 1, val: ch("M") },
  { name: "file", hasArg: 1, val: ch("f") },
  { name: "version", hasArg: 0, val: ch("V") }
];
function legacySaveTable(t, counters, db, program, now) {
  const stamp = formatCtime(now);
  let out = `# Generated by ${program} v${IPTABLES_VERSION} on ${stamp}
*${t.name}
`;
  const chains = orderedChains(t);
  for (const c of chains) out += c.hook >= 0 ? saveChainLine(c) : `:${c.name} - [0:0]
`;
  for (const c of chains) {
    for (const r of c.rules) out += (counters ? `[${r.pcnt}:${r.bcnt}] ` : "") + printRule4(null, r, c.name, false, db);
  }
  return `${out}COMMIT
# Completed on ${stamp}
`;
}
function legacySave(rs, db, table, counters, program, now) {
  if (table === void 0) {
    let out = "";
    for (const t of legacyLoadedTables(rs)) out += legacySaveTable(t, counters, db, program, now);
    return { out };
  }
  const r = legacyInit(rs, table);
  if ("errno" in r) return { error: `Cannot initialize: ${legacyStrerror("INIT", r.errno)}` };
  return { out: legacySaveTable(r.table, counters, db, program, now) };
}
function runLegacyIptablesSave(rs, db, args, now, program = "iptables-save") {
  const argv = [program, ...args];
  const g = new Getopt(argv, "bcdt:M:f:V");
  g.printErrors = true;
  let counters = false;
  let table;
  let file;
  let stderr = "";
  takePrintWarnings();
  const output = () => {
    const r = legacySave(rs, db, table, counters, program, now);
    const warn = takePrintWarnings();
    if ("error" in r)
      return {
        stdout: "",
        stderr: `${stderr}${warn}${program} v${versionString("legacy")}: ${r.error}
`,
        status: 1
      };
    const res = { stdout: r.out, stderr: stderr + warn, status: 0 };
    return file === void 0 ? res : { ...res, file };
  };
  for (; ; ) {
    const c = g.next(SAVE_OPTS);
    if (c === GETOPT_END) break;
    stderr += g.takeErrors();
    switch (c) {
      case ch("b"):
        stderr += "-b/--binary option is not implemented\n";
        break;
      case ch("c"):
        counters = true;
        break;
      case ch("t"):
        table = g.optarg;
        break;
      case ch("M"):
        break;
      case ch("f"):
        file = g.optarg;
        break;
      case ch("d"):
        return output();
      case ch("V"):
        return {
          stdout: `${program} v${versionString("legacy")}
`,
          stderr,
          status: 0
        };
      default:
        return {
          stdout: "",
          stderr: `${stderr}Look at manual page \`${program}.8' for more information.
`,
          status: 1
        };
    }
  }
  if (g.optind < argv.length)
    return {
      stdout: "",
      stderr: `${stderr}Unknown arguments found on commandline
`,
      status: 1
    };
  return output();
}

// src/compat/iptables/save.ts
var SAVE_OPTS2 = [
  { name: "counters", hasArg: 0, val: ch("c") },
  { name: "version", hasArg: 0, val: ch("V") },
  { name: "dump", hasArg: 0, val: ch("d") },
  { name: "table", hasArg: 1, val: ch("t") },
  { name: "modprobe", hasArg: 1, val: ch("M") },
  { name: "file", hasArg: 1, val: ch("f") }
];
function saveTable(t, counters, db, program, version, now) {
  const stamp = formatCtime(now);
  let out = t.foreign?.length ? `# Table \`${t.name}' contains incompatible base-chains, use 'nft' tool to list them.
` : "";
  out += `# Generated by ${program} v${version} on ${stamp}
*${t.name}
`;
  const chains = orderedChains(t).filter((c) => t.exists || c.hook >= 0);
  for (const c of chains) out += saveChainLine(c);
  for (const c of chains) {
    for (const r of c.rules) {
      if (counters) out += `[${r.pcnt}:${r.bcnt}] `;
      out += `-A ${c.name}${saveRuleBody(r, db)}
`;
    }
  }
  out += `COMMIT
# Completed on ${stamp}
`;
  return out;
}
function saveRuleset(rs, db, opts, flavour = "nft") {
  if (flavour === "legacy") {
    const r = legacySave(rs, db, opts.table, opts.counters ?? false, "iptables-save", opts.now);
    return "out" in r ? r.out : "";
  }
  const version = versionString(flavour);
  let out = "";
  for (const t of rs.tables.values()) {
    if (opts.table !== void 0 ? t.name !== opts.table : !t.exists) continue;
    out += saveTable(t, opts.counters ?? false, db, "iptables-save", version, opts.now);
  }
  return out;
}
function runIptablesSave(rs, db, args, now, flavour = "nft", program = "iptables-save") {
  if (flavour === "legacy") return runLegacyIptablesSave(rs, db, args, now, program);
  const argv = [program, ...args];
  const g = new Getopt(argv, "bcdt:M:f:V");
  g.printErrors = true;
  let counters = false;
  let table;
  let file;
  let stderr = "";
  for (; ; ) {
    const c = g.next(SAVE_OPTS2);
    if (c === GETOPT_END) break;
    stderr += g.takeErrors();
    switch (c) {
      case ch("b"):
        stderr += "-b/--binary option is not implemented\n";
        break;
      case ch("c"):
        counters = true;
        break;
      case ch("t"):
        table = g.optarg;
        break;
      case ch("M"):
      case ch("d"):
        break;
      case ch("f"):
        file = g.optarg;
        break;
      case ch("V"):
        return { stdout: `${program} v${versionString(flavour)}
`, stderr, status: 0 };
      default:
        return { stdout: "", stderr: `${stderr}Look at manual page \`${program}.8' for more information.
`, status: 1 };
    }
  }
  if (g.optind < argv.length) return { stdout: "", stderr: `${stderr}Unknown arguments found on commandline
`, status: 1 };
  const version = versionString(flavour);
  let out = "";
  takePrintWarnings();
  if (table === void 0) {
    for (const t of rs.tables.values()) if (t.exists) out += saveTable(t, counters, db, program, version, now);
  } else {
    const t = rs.table(table);
    if (!t) return { stdout: "", stderr: `${stderr}Table \`${table}' does not exist
`, status: 1 };
    out += saveTable(t, counters, db, program, version, now);
  }
  stderr += takePrintWarnings();
  return file === void 0 ? { stdout: out, stderr, status: 0 } : { stdout: out, stderr, status: 0, file };
}

// src/extensions/comment.ts
var MAX_COMMENT_LEN = 256;
var commentMatch = defineMatch({
  name: "comment",
  revision: 0,
  options: [{ name: "comment", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND | XTOPT_PUT, size: MAX_COMMENT_LEN, put: "comment" }],
  init: () => ({ comment: "" }),
  // comment_mt(): always true
  compile: () => () => true,
  print: (d) => ` /* ${d.comment} */`,
  save: (d) => ` --comment${saveString(d.comment)}`,
  help: () => "comment match options:\n--comment COMMENT             Attach a comment to a rule\n"
});

// src/extensions/groups/conntrack.ts
var conntrack_exports = {};
__export(conntrack_exports, {
  matches: () => matches,
  targets: () => targets
});

// src/engine/nat.ts
var NF_NAT_MANIP_SRC = 0;
var NF_NAT_MANIP_DST = 1;
var NF_NAT_RANGE_MAP_IPS = 1 << 0;
var NF_NAT_RANGE_PROTO_SPECIFIED = 1 << 1;
var NF_NAT_RANGE_PROTO_RANDOM = 1 << 2;
var NF_NAT_RANGE_PERSISTENT = 1 << 3;
var NF_NAT_RANGE_PROTO_RANDOM_FULLY = 1 << 4;
var NF_NAT_RANGE_PROTO_OFFSET = 1 << 5;
var NF_NAT_RANGE_PROTO_RANDOM_ALL = NF_NAT_RANGE_PROTO_RANDOM | NF_NAT_RANGE_PROTO_RANDOM_FULLY;
var NF_DROP4 = 0;
var NF_ACCEPT4 = 1;
var NF_NAT_MAX_ATTEMPTS = 128;
var NF_NAT_HARDER_THRESH = NF_NAT_MAX_ATTEMPTS / 4;
function hook2manip(hook) {
  return hook !== NF_INET_POST_ROUTING && hook !== NF_INET_LOCAL_IN ? NF_NAT_MANIP_DST : NF_NAT_MANIP_SRC;
}
var rol322 = (w, s) => (w << s | w >>> 32 - s) >>> 0;
function jhash2(k, initval) {
  let length = k.length;
  let a = 3735928559 + (length << 2) + initval >>> 0;
  let b = a;
  let c = a;
  let i = 0;
  while (length > 3) {
    a = a + k[i] >>> 0;
    b = b + k[i + 1] >>> 0;
    c = c + k[i + 2] >>> 0;
    a = a - c >>> 0;
    a = (a ^ rol322(c, 4)) >>> 0;
    c = c + b >>> 0;
    b = b - a >>> 0;
    b = (b ^ rol322(a, 6)) >>> 0;
    a = a + c >>> 0;
    c = c - b >>> 0;
    c = (c ^ rol322(b, 8)) >>> 0;
    b = b + a >>> 0;
    a = a - c >>> 0;
    a = (a ^ rol322(c, 16)) >>> 0;
    c = c + b >>> 0;
    b = b - a >>> 0;
    b = (b ^ rol322(a, 19)) >>> 0;
    a = a + c >>> 0;
    c = c - b >>> 0;
    c = (c ^ rol322(b, 4)) >>> 0;
    b = b + a >>> 0;
    length -= 3;
    i += 3;
  }
  if (length === 0) return c;
  if (length >= 3) c = c + k[i + 2] >>> 0;
  if (length >= 2) b = b + k[i + 1] >>> 0;
  a = a + k[i] >>> 0;
  c = (c ^ b) >>> 0;
  c = c - rol322(b, 14) >>> 0;
  a = (a ^ c) >>> 0;
  a = a - rol322(c, 11) >>> 0;
  b = (b ^ a) >>> 0;
  b = b - rol322(a, 25) >>> 0;
  c = (c ^ b) >>> 0;
  c = c - rol322(b, 16) >>> 0;
  a = (a ^ c) >>> 0;
  a = a - rol322(c, 4) >>> 0;
  b = (b ^ a) >>> 0;
  b = b - rol322(a, 14) >>> 0;
  c = (c ^ b) >>> 0;
  c = c - rol322(b, 24) >>> 0;
  return c;
}
function memWord(addr2) {
  return ((addr2 & 255) << 24 | (addr2 & 65280) << 8 | addr2 >>> 8 & 65280 | addr2 >>> 24) >>> 0;
}
function reciprocalScale(val, epRo) {
  return Number(BigInt(val >>> 0) * BigInt(epRo >>> 0) >> 32n);
}
function manipPort(t, manip) {
  if (t.proto === IPPROTO_ICMP) return t.sport;
  return manip === NF_NAT_MANIP_SRC ? t.sport : t.dport;
}
function l4protoInRange(t, manip, min, max) {
  if (t.proto === IPPROTO_ICMP) return t.sport >= min && t.sport <= max;
  if (hasPorts(t.proto) || t.proto === 47) {
    const port2 = manip === NF_NAT_MANIP_SRC ? t.sport : t.dport;
    return port2 >= min && port2 <= max;
  }
  return true;
}
function inRange(t, r) {
  if (r.flags & NF_NAT_RANGE_MAP_IPS && !(t.src >= r.minAddr && t.src <= r.maxAddr)) return false;
  if (!(r.flags & NF_NAT_RANGE_PROTO_SPECIFIED)) return true;
  return l4protoInRange(t, NF_NAT_MANIP_SRC, r.minProto, r.maxProto);
}
function allowClash(ct) {
  const p = ct.proto;
  return p === 17 || p === 136 || p === IPPROTO_ICMP;
}
var Nat = class _Nat {
  constructor(ct, ruleset) {
    this.ct = ct;
    this.ruleset = ruleset;
    ct.nat = this;
  }
  ct;
  ruleset;
  rand16() {
    return this.ct.opts.rng.next32() & 65535;
  }
  /** nf_nat_used_tuple() */
  usedTuple(t, ignored) {
    const reply = invertTuple(t);
    if (!reply) return false;
    return this.ct.tupleTaken(reply, ignored);
  }
  /** nf_nat_used_tuple_new(): like usedTuple, but a clash with an un-NATed twin flow is left to confirm. */
  usedTupleNew(t, ignored) {
    if (!this.usedTuple(t, ignored)) return false;
    if (!allowClash(ignored)) return true;
    if (ignored.status & (IPS_NAT_MASK | IPS_SEQ_ADJUST)) return true;
    let h = this.ct.find(t, ignored.zone);
    if (!h) {
      const reply = invertTuple(t);
      h = this.ct.find(reply, ignored.zone);
      if (!h) return false;
    }
    const other = h.ct;
    if (other.status & (IPS_NAT_MASK | IPS_SEQ_ADJUST)) return true;
    return !tupleEqual(other.tuple[IP_CT_DIR_ORIGINAL], ignored.tuple[IP_CT_DIR_REPLY]);
  }
  /** nf_nat_used_tuple_harder(): in the last attempts, evict a TIME_WAIT entry whose sequence has advanced. */
  usedTupleHarder(t, ignored, attemptsLeft) {
    const reply = invertTuple(t);
    if (attemptsLeft > NF_NAT_HARDER_THRESH || t.proto !== 6 || ignored.tcp?.state !== TCP_CONNTRACK_SYN_SENT)
      return this.ct.tupleTaken(reply, ignored);
    const h = this.ct.find(reply, ignored.zone);
    if (!h) return false;
    const other = h.ct;
    if (h.dir === IP_CT_DIR_ORIGINAL || other === ignored) return true;
    const flags = other.status;
    if ((other.tcp?.state ?? 0) < TCP_CONNTRACK_TIME_WAIT) return true;
    if (flags & (IPS_FIXED_TIMEOUT | IPS_DYING) || !(flags & IPS_SRC_NAT)) return true;
    if ((ignored.tcp.seen[0].end - other.tcp.seen[0].end | 0) <= 0) return true;
    this.ct.remove(other, false);
    return false;
  }
  /** find_appropriate_src(): an existing source mapping of the same source, newest first. */
  findAppropriateSrc(ct, t, r) {
    const all = this.ct.entries();
    for (let i = all.length - 1; i >= 0; i--) {
      const other = all[i];
      if (!(other.status & IPS_SRC_NAT_DONE)) continue;
      const o = other.tuple[IP_CT_DIR_ORIGINAL];
      if (o.proto !== t.proto || o.src !== t.src || o.sport !== t.sport) continue;
      if (zoneIdFor(other.zone, 0) !== zoneIdFor(ct.zone, 0)) continue;
      const res = invertTuple(other.tuple[IP_CT_DIR_REPLY]);
      const out = {
        ...res,
        dst: t.dst,
        dport: t.dport,
        type: t.type,
        code: t.code
      };
      if (t.proto === IPPROTO_ICMP) out.dport = 0;
      if (inRange(out, r)) return out;
    }
    return void 0;
  }
  /** find_best_ips_proto(): the address in the range, hashed as the kernel does (jhash2). */
  findBestIps(ct, t, r, manip) {
    if (!(r.flags & NF_NAT_RANGE_MAP_IPS)) return;
    if (r.minAddr === r.maxAddr) {
      if (manip === NF_NAT_MANIP_SRC) t.src = r.minAddr;
      else t.dst = r.minAddr;
      return;
    }
    const init = r.flags & NF_NAT_RANGE_PERSISTENT ? 0 : (memWord(t.dst) ^ ct.zone.id) >>> 0;
    const j = jhash2([memWord(t.src), 0, 0, 0], init);
    const dist = r.maxAddr - r.minAddr + 1 >>> 0;
    const v = r.minAddr + reciprocalScale(j, dist) >>> 0;
    if (manip === NF_NAT_MANIP_SRC) t.src = v;
    else t.dst = v;
  }
  /** nf_nat_l4proto_unique_tuple() */
  uniqueProto(t, r, manip, ct) {
    let min;
    let rangeSize;
    const isIcmp = t.proto === IPPROTO_ICMP;
    const set = (v) => {
      if (isIcmp || manip === NF_NAT_MANIP_SRC) t.sport = v;
      else t.dport = v;
    };
    if (isIcmp) {
      if (!(r.flags & NF_NAT_RANGE_PROTO_SPECIFIED)) {
        min = 0;
        rangeSize = 65536;
      } else {
        min = r.minProto;
        rangeSize = r.maxProto - r.minProto + 1;
      }
    } else if (hasPorts(t.proto)) {
      if (!(r.flags & NF_NAT_RANGE_PROTO_SPECIFIED)) {
        if (manip === NF_NAT_MANIP_DST) return;
        const port2 = manipPort(t, manip);
        if (port2 < 1024) {
          if (port2 < 512) {
            min = 1;
            rangeSize = 511;
          } else {
            min = 600;
            rangeSize = 1023 - 600 + 1;
          }
        } else {
          min = 1024;
          rangeSize = 65535 - 1024 + 1;
        }
      } else {
        let lo = r.minProto;
        let hi = r.maxProto;
        if (hi < lo) [lo, hi] = [hi, lo];
        min = lo;
        rangeSize = hi - lo + 1;
      }
    } else {
      return;
    }
    let off;
    if (r.flags & NF_NAT_RANGE_PROTO_OFFSET) off = manipPort(t, manip) - r.baseProto & 65535;
    else if (r.flags & NF_NAT_RANGE_PROTO_RANDOM_ALL || manip !== NF_NAT_MANIP_DST) off = this.rand16();
    else off = 0;
    let attempts = Math.min(rangeSize, NF_NAT_MAX_ATTEMPTS);
    for (; ; ) {
      for (let i = 0; i < attempts; i++, off = off + 1 & 65535) {
        set(min + off % rangeSize);
        if (!this.usedTupleHarder(t, ct, attempts - i)) return;
      }
      if (attempts >= rangeSize || attempts < 16) return;
      attempts = Math.floor(attempts / 2);
      off = this.rand16();
    }
  }
  /** get_unique_tuple() */
  uniqueTuple(orig, r, ct, manip) {
    if (manip === NF_NAT_MANIP_SRC && !(r.flags & NF_NAT_RANGE_PROTO_RANDOM_ALL)) {
      if (inRange(orig, r)) {
        if (!this.usedTupleNew(orig, ct)) return { ...orig };
      } else {
        const found = this.findAppropriateSrc(ct, orig, r);
        if (found && !this.usedTuple(found, ct)) return found;
      }
    }
    const t = { ...orig };
    this.findBestIps(ct, t, r, manip);
    if (!(r.flags & NF_NAT_RANGE_PROTO_RANDOM_ALL)) {
      if (r.flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
        if (!(r.flags & NF_NAT_RANGE_PROTO_OFFSET) && l4protoInRange(t, manip, r.minProto, r.maxProto) && (r.minProto === r.maxProto || !this.usedTuple(t, ct)))
          return t;
      } else if (!this.usedTuple(t, ct)) {
        return t;
      }
    }
    this.uniqueProto(t, r, manip, ct);
    return t;
  }
  /** nf_nat_initialized() */
  static initialized(ct, manip) {
    return (ct.status & (manip === NF_NAT_MANIP_SRC ? IPS_SRC_NAT_DONE : IPS_DST_NAT_DONE)) !== 0;
  }
  /** nf_nat_setup_info(): the binding of a new connection for one manip type. */
  setupInfo(ct, r, manip) {
    if (ct.isConfirmed()) return NF_ACCEPT4;
    if (_Nat.initialized(ct, manip)) return NF_DROP4;
    const curr = invertTuple(ct.tuple[IP_CT_DIR_REPLY]);
    const next = this.uniqueTuple(curr, r, ct, manip);
    if (!tupleEqual(next, curr)) {
      this.ct.alterReply(ct, invertTuple(next));
      ct.status |= manip === NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;
    }
    ct.status |= manip === NF_NAT_MANIP_DST ? IPS_DST_NAT_DONE : IPS_SRC_NAT_DONE;
    return NF_ACCEPT4;
  }
  /** nf_nat_alloc_null_binding() */
  nullBinding(ct, hook) {
    const manip = hook2manip(hook);
    const reply = ct.tuple[IP_CT_DIR_REPLY];
    const ip2 = manip === NF_NAT_MANIP_SRC ? reply.dst : reply.src;
    return this.setupInfo(
      ct,
      {
        flags: NF_NAT_RANGE_MAP_IPS,
        minAddr: ip2,
        maxAddr: ip2,
        minProto: 0,
        maxProto: 0,
        baseProto: 0
      },
      manip
    );
  }
  /** Whether the nat table has registered its hooks (any of its base chains exists). */
  registered() {
    const t = this.ruleset().table("nat");
    if (!t || !t.exists) return false;
    for (const c of t.chains.values()) if (c.hook >= 0 && c.present) return true;
    return false;
  }
  /** nf_nat_ipv4_fn() / nf_nat_inet_fn() */
  hook(p, hook, runChain, _nowNs) {
    if (!this.registered()) return NF_ACCEPT4;
    const ct = p.ct;
    if (!ct || ct.isTemplate()) return NF_ACCEPT4;
    const ctinfo = p.ctinfo;
    if ((ctinfo === IP_CT_RELATED || ctinfo === IP_CT_RELATED_REPLY) && p.proto === IPPROTO_ICMP) {
      return this.icmpReplyTranslation(p, ct, ctinfo, hook) ? NF_ACCEPT4 : NF_DROP4;
    }
    const manip = hook2manip(hook);
    if (ctinfo === IP_CT_RELATED || ctinfo === IP_CT_RELATED_REPLY || ctinfo === IP_CT_NEW) {
      if (!_Nat.initialized(ct, manip)) {
        const v = runChain();
        if (v !== NF_ACCEPT4) return v;
        if (!_Nat.initialized(ct, manip)) {
          const r = this.nullBinding(ct, hook);
          if (r !== NF_ACCEPT4) return r;
        }
      } else if (this.oifChanged(hook, ctinfo, ct, p)) {
        this.ct.remove(ct, false);
        return NF_DROP4;
      }
    } else if (ctinfo === IP_CT_ESTABLISHED || ctinfo === IP_CT_ESTABLISHED_REPLY) {
      if (this.oifChanged(hook, ctinfo, ct, p)) {
        this.ct.remove(ct, false);
        return NF_DROP4;
      }
    }
    return this.natPacket(p, ct, ctinfo, hook);
  }
  /** nf_nat_oif_changed(): a masqueraded flow leaving through another device is killed. */
  oifChanged(hook, ctinfo, ct, p) {
    return ct.masqDev !== "" && hook === NF_INET_POST_ROUTING && ctinfoDir(ctinfo) === IP_CT_DIR_ORIGINAL && ct.masqDev !== p.outDev;
  }
  /** nf_nat_packet() */
  natPacket(p, ct, ctinfo, hook) {
    const mtype = hook2manip(hook);
    const dir = ctinfoDir(ctinfo);
    let statusbit = mtype === NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;
    if (dir === IP_CT_DIR_REPLY) statusbit ^= IPS_NAT_MASK;
    if (ct.status & statusbit) {
      const target = invertTuple(ct.tuple[1 - dir]);
      manipPkt(p, target, mtype);
    }
    return NF_ACCEPT4;
  }
  /** nf_nat_icmp_reply_translation(): the quoted packet is un-NATed, the outer header made to look like a reply. */
  icmpReplyTranslation(p, ct, ctinfo, hook) {
    const dir = ctinfoDir(ctinfo);
    const manip = hook2manip(hook);
    if (p.icmpType === 5) {
      if ((ct.status & (IPS_SRC_NAT_DONE | IPS_DST_NAT_DONE)) !== (IPS_SRC_NAT_DONE | IPS_DST_NAT_DONE)) return false;
      if (ct.status & IPS_NAT_MASK) return false;
    }
    let statusbit = manip === NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;
    if (dir === IP_CT_DIR_REPLY) statusbit ^= IPS_NAT_MASK;
    if (!(ct.status & statusbit)) return true;
    if (p.inner)
      manipPkt(p.inner, ct.tuple[1 - dir], manip === NF_NAT_MANIP_SRC ? NF_NAT_MANIP_DST : NF_NAT_MANIP_SRC);
    const target = invertTuple(ct.tuple[1 - dir]);
    target.proto = IPPROTO_ICMP;
    manipPkt(p, target, manip);
    return true;
  }
  // ---- the targets' entry points (xt_nat, xt_MASQUERADE, xt_REDIRECT, xt_NETMAP) ----
  /** MASQUERADE: SNAT to the out device's address; remembers the device. */
  masquerade(p, ct, r, newsrc, log) {
    if (ct.tuple[IP_CT_DIR_ORIGINAL].src === 0) return NF_ACCEPT4;
    if (!newsrc) {
      log(`${p.outDev} ate my IP address`);
      return NF_DROP4;
    }
    ct.masqDev = p.outDev;
    return this.setupInfo(
      ct,
      {
        ...r,
        flags: r.flags | NF_NAT_RANGE_MAP_IPS,
        minAddr: newsrc,
        maxAddr: newsrc
      },
      NF_NAT_MANIP_SRC
    );
  }
  /** REDIRECT: DNAT to 127.0.0.1 from OUTPUT, else to the primary address of the in device. */
  redirect(ct, r, hook, inAddr) {
    let newdst;
    if (hook === NF_INET_LOCAL_OUT) newdst = 2130706433;
    else {
      if (!inAddr) return NF_DROP4;
      newdst = inAddr;
    }
    return this.setupInfo(
      ct,
      {
        ...r,
        flags: r.flags | NF_NAT_RANGE_MAP_IPS,
        minAddr: newdst,
        maxAddr: newdst
      },
      NF_NAT_MANIP_DST
    );
  }
  /** NETMAP: keep the host part, replace the network part. */
  netmap(p, ct, flags, minIp, maxIp, hook) {
    const netmask = ~(minIp ^ maxIp) >>> 0;
    const base = hook === NF_INET_PRE_ROUTING || hook === NF_INET_LOCAL_OUT ? p.dst : p.src;
    const newIp = (base & ~netmask | minIp & netmask) >>> 0;
    return this.setupInfo(
      ct,
      {
        flags: flags | NF_NAT_RANGE_MAP_IPS,
        minAddr: newIp,
        maxAddr: newIp,
        minProto: 0,
        maxProto: 0,
        baseProto: 0
      },
      hook2manip(hook)
    );
  }
};
function manipPkt(p, target, manip) {
  if (!p.isFragment()) {
    if (target.proto === IPPROTO_ICMP) {
      const t = p.icmpType;
      if (p.proto === IPPROTO_ICMP && (t === 0 || t === 8 || t === 13 || t === 14 || t === 15 || t === 16 || t === 17 || t === 18)) {
        p.icmpId = target.sport;
        p.icmpRest = (p.icmpId << 16 | p.icmpSeq) >>> 0;
      }
    } else if (hasPorts(target.proto)) {
      if (manip === NF_NAT_MANIP_SRC) p.sport = target.sport;
      else p.dport = target.dport;
    }
  }
  if (manip === NF_NAT_MANIP_SRC) p.src = target.src;
  else p.dst = target.dst;
}

// src/engine/ct-extensions.ts
var SEC2 = 1e9;
function ctOf(p) {
  return p.ct;
}
var XT_CONNTRACK_STATE = 1 << 0;
var XT_CONNTRACK_PROTO = 1 << 1;
var XT_CONNTRACK_ORIGSRC = 1 << 2;
var XT_CONNTRACK_ORIGDST = 1 << 3;
var XT_CONNTRACK_REPLSRC = 1 << 4;
var XT_CONNTRACK_REPLDST = 1 << 5;
var XT_CONNTRACK_STATUS = 1 << 6;
var XT_CONNTRACK_EXPIRES = 1 << 7;
var XT_CONNTRACK_ORIGSRC_PORT = 1 << 8;
var XT_CONNTRACK_ORIGDST_PORT = 1 << 9;
var XT_CONNTRACK_REPLSRC_PORT = 1 << 10;
var XT_CONNTRACK_REPLDST_PORT = 1 << 11;
var XT_CONNTRACK_DIRECTION = 1 << 12;
var STATE_INVALID = 1 << 0;
var STATE_SNAT = 1 << 6;
var STATE_DNAT = 1 << 7;
var STATE_UNTRACKED = 1 << 8;
function srcAll(t) {
  return t.sport;
}
function dstAll(t) {
  return t.proto === 1 ? (t.type << 8 | t.code) & 65535 : t.dport;
}
function conntrackMatch(d) {
  const f = d.matchFlags;
  const inv2 = d.invertFlags;
  const addrMatch = (a, spec) => (a & spec.mask) >>> 0 === (spec.addr & spec.mask) >>> 0;
  const portMatch = (lo, hi, port2, invert) => (port2 >= lo && port2 <= hi) !== invert;
  return (p, ctx) => {
    const ct = ctOf(p);
    const ctinfo = p.ctinfo;
    let statebit;
    if (ct) statebit = 1 << ctinfo % 3 + 1;
    else if (ctinfo === IP_CT_UNTRACKED) statebit = STATE_UNTRACKED;
    else statebit = STATE_INVALID;
    if (f & XT_CONNTRACK_STATE) {
      if (ct) {
        if (ct.status & IPS_SRC_NAT) statebit |= STATE_SNAT;
        if (ct.status & IPS_DST_NAT) statebit |= STATE_DNAT;
      }
      if ((d.stateMask & statebit) !== 0 !== ((inv2 & XT_CONNTRACK_STATE) === 0)) return false;
    }
    if (!ct) return (f & XT_CONNTRACK_STATE) !== 0;
    if (f & XT_CONNTRACK_DIRECTION && ctinfoDir(ctinfo) === IP_CT_DIR_ORIGINAL !== ((inv2 & XT_CONNTRACK_DIRECTION) === 0))
      return false;
    const o = ct.tuple[IP_CT_DIR_ORIGINAL];
    const r = ct.tuple[IP_CT_DIR_REPLY];
    if (f & XT_CONNTRACK_ORIGSRC && addrMatch(o.src, d.origsrc) !== ((inv2 & XT_CONNTRACK_ORIGSRC) === 0)) return false;
    if (f & XT_CONNTRACK_ORIGDST && addrMatch(o.dst, d.origdst) !== ((inv2 & XT_CONNTRACK_ORIGDST) === 0)) return false;
    if (f & XT_CONNTRACK_REPLSRC && addrMatch(r.src, d.replsrc) !== ((inv2 & XT_CONNTRACK_REPLSRC) === 0)) return false;
    if (f & XT_CONNTRACK_REPLDST && addrMatch(r.dst, d.repldst) !== ((inv2 & XT_CONNTRACK_REPLDST) === 0)) return false;
    if (f & XT_CONNTRACK_PROTO && ct.proto === d.l4proto !== ((inv2 & XT_CONNTRACK_PROTO) === 0)) return false;
    if (f & XT_CONNTRACK_ORIGSRC_PORT && !portMatch(d.origsrcPort, d.origsrcPortHigh, srcAll(o), (inv2 & XT_CONNTRACK_ORIGSRC_PORT) !== 0))
      return false;
    if (f & XT_CONNTRACK_ORIGDST_PORT && !portMatch(d.origdstPort, d.origdstPortHigh, dstAll(o), (inv2 & XT_CONNTRACK_ORIGDST_PORT) !== 0))
      return false;
    if (f & XT_CONNTRACK_REPLSRC_PORT && !portMatch(d.replsrcPort, d.replsrcPortHigh, srcAll(r), (inv2 & XT_CONNTRACK_REPLSRC_PORT) !== 0))
      return false;
    if (f & XT_CONNTRACK_REPLDST_PORT && !portMatch(d.repldstPort, d.repldstPortHigh, dstAll(r), (inv2 & XT_CONNTRACK_REPLDST_PORT) !== 0))
      return false;
    if (f & XT_CONNTRACK_STATUS && (d.statusMask & ct.status) !== 0 !== ((inv2 & XT_CONNTRACK_STATUS) === 0))
      return false;
    if (f & XT_CONNTRACK_EXPIRES) {
      const expires = Math.floor(ct.expiresNs(ctx.nowNs) / SEC2);
      if ((expires >= d.expiresMin && expires <= d.expiresMax) !== ((inv2 & XT_CONNTRACK_EXPIRES) === 0)) return false;
    }
    return true;
  };
}
function connmarkMatch(d) {
  return (p) => {
    const ct = ctOf(p);
    if (!ct) return false;
    return (ct.mark & d.mask) >>> 0 === d.mark !== d.invert;
  };
}
var XT_CONNMARK_SET = 0;
var XT_CONNMARK_SAVE = 1;
var XT_CONNMARK_RESTORE = 2;
var D_SHIFT_RIGHT = 1;
function connmarkTarget(d) {
  const shift = (v) => d.shiftDir === D_SHIFT_RIGHT ? v >>> d.shiftBits : v << d.shiftBits >>> 0;
  return (p) => {
    const ct = ctOf(p);
    if (!ct) return XT_CONTINUE;
    const setCt = (v) => {
      if (ct.owner) ct.owner.setMark(ct, v);
      else ct.mark = v >>> 0;
    };
    switch (d.mode) {
      case XT_CONNMARK_SET:
        setCt(shift((ct.mark & ~d.ctmask ^ d.ctmark) >>> 0));
        break;
      case XT_CONNMARK_SAVE:
        setCt((ct.mark & ~d.ctmask ^ shift((p.mark & d.nfmask) >>> 0)) >>> 0);
        break;
      case XT_CONNMARK_RESTORE:
        p.mark = (p.mark & ~d.nfmask ^ shift((ct.mark & d.ctmask) >>> 0)) >>> 0;
        break;
    }
    return XT_CONTINUE;
  };
}
var XT_CT_NOTRACK2 = 1 << 0;
var XT_CT_ZONE_DIR_ORIG = 1 << 2;
var XT_CT_ZONE_DIR_REPL = 1 << 3;
var XT_CT_ZONE_MARK = 1 << 4;
function ctTarget(d, proto2) {
  let tmpl = null;
  if (!(d.flags & XT_CT_NOTRACK2)) {
    const dirFlags = d.flags & (XT_CT_ZONE_DIR_ORIG | XT_CT_ZONE_DIR_REPL);
    const dir = dirFlags === XT_CT_ZONE_DIR_ORIG ? NF_CT_ZONE_DIR_ORIG : dirFlags === XT_CT_ZONE_DIR_REPL ? NF_CT_ZONE_DIR_REPL : NF_CT_DEFAULT_ZONE_DIR;
    tmpl = Conntrack.template({ id: d.zone, dir }, (d.flags & XT_CT_ZONE_MARK) !== 0, d.helper);
    void proto2;
  }
  return (p) => {
    if (p.ct || p.ctinfo !== 0) return XT_CONTINUE;
    if (tmpl) {
      p.ct = tmpl;
      p.ctinfo = IP_CT_NEW;
    } else {
      p.ct = null;
      p.ctinfo = IP_CT_UNTRACKED;
    }
    return XT_CONTINUE;
  };
}
var XT_CONNLIMIT_INVERT = 1 << 0;
var XT_CONNLIMIT_DADDR = 1 << 1;
function jiffies(ns) {
  return Math.floor(ns / 4e6);
}
function connlimitMatch(d) {
  const trees = /* @__PURE__ */ new Map();
  return (p, ctx) => {
    const ct = ctOf(p);
    const table = conntrackOf(p, ctx.shared);
    let tuple;
    let zone = 0;
    if (ct && !ct.isTemplate()) {
      tuple = ct.tuple[IP_CT_DIR_ORIGINAL];
      zone = ct.zone.id;
    } else {
      tuple = packetTuple(p);
    }
    if (!tuple) {
      ctx.hotdrop = true;
      return false;
    }
    const key = ((d.flags & XT_CONNLIMIT_DADDR ? p.dst : p.src) & d.mask) >>> 0;
    const now = jiffies(ctx.nowNs);
    const k = tupleKey(tuple);
    const list = trees.get(key);
    if (!list) {
      trees.set(key, { entries: [{ tuple: { ...tuple }, zone }], lastGc: now });
      return 1 > d.limit !== ((d.flags & XT_CONNLIMIT_INVERT) !== 0);
    }
    let add = true;
    if (now !== list.lastGc) {
      const kept = [];
      let i = 0;
      for (; i < list.entries.length; i++) {
        const e = list.entries[i];
        const h = table?.find(e.tuple, { id: e.zone, dir: 3 }, ctx.nowNs);
        if (!h) continue;
        if (tupleKey(e.tuple) === k && e.zone === zone) {
          add = false;
          break;
        }
        const st = h.ct.tcp?.state;
        if (h.ct.proto === 6 && (st === TCP_CONNTRACK_TIME_WAIT || st === TCP_CONNTRACK_CLOSE)) continue;
        kept.push(e);
      }
      list.entries = add ? kept : [...kept, ...list.entries.slice(i)];
      if (add) list.lastGc = now;
    }
    if (add) {
      list.entries.push({ tuple: { ...tuple }, zone });
      list.lastGc = now;
    }
    return list.entries.length > d.limit !== ((d.flags & XT_CONNLIMIT_INVERT) !== 0);
  };
}
var XT_CONNBYTES_PKTS = 0;
var XT_CONNBYTES_BYTES = 1;
var XT_CONNBYTES_DIR_ORIGINAL = 0;
var XT_CONNBYTES_DIR_REPLY = 1;
function connbytesMatch(d) {
  return (p) => {
    const ct = ctOf(p);
    if (!ct || !ct.counters) return false;
    const [o, r] = ct.counters;
    const pick2 = (a, b) => d.direction === XT_CONNBYTES_DIR_ORIGINAL ? a : d.direction === XT_CONNBYTES_DIR_REPLY ? b : a + b;
    let what = 0n;
    if (d.what === XT_CONNBYTES_PKTS) what = BigInt(pick2(o.packets, r.packets));
    else if (d.what === XT_CONNBYTES_BYTES) what = BigInt(pick2(o.bytes, r.bytes));
    else {
      const pkts = pick2(o.packets, r.packets);
      if (pkts !== 0) what = BigInt(Math.floor(pick2(o.bytes, r.bytes) / pkts));
    }
    if (d.to >= d.from) return what <= d.to && what >= d.from;
    return what < d.to || what > d.from;
  };
}
var XT_CONNLABEL_OP_INVERT = 1 << 0;
var XT_CONNLABEL_OP_SET = 1 << 1;
function connlabelMatch(d) {
  const invert = (d.options & XT_CONNLABEL_OP_INVERT) !== 0;
  const bit = 1n << BigInt(d.bit);
  return (p) => {
    const ct = ctOf(p);
    if (!ct || ct.labels === null) return invert;
    if (ct.labels & bit) return !invert;
    if (d.options & XT_CONNLABEL_OP_SET) {
      ct.labels |= bit;
      ct.owner?.eventCache(ct, IPCT_LABEL);
      return !invert;
    }
    return invert;
  };
}
function helperMatch(d) {
  return () => d.invert;
}
function natOf(p) {
  const ct = ctOf(p);
  if (!ct || ct.isTemplate() || !ct.owner?.nat) return void 0;
  return { ct, nat: ct.owner.nat };
}
function range2(d, base) {
  return {
    flags: d.flags,
    minAddr: d.minIp,
    maxAddr: d.maxIp,
    minProto: d.minPort,
    maxProto: d.maxPort,
    baseProto: base ? d.basePort : 0
  };
}
function snatTarget(d) {
  const r = range2(d, false);
  return (p) => {
    const n = natOf(p);
    if (!n) return NF_ACCEPT2;
    return n.nat.setupInfo(n.ct, r, NF_NAT_MANIP_SRC);
  };
}
function dnatTarget(d) {
  const r = range2(d, true);
  return (p) => {
    const n = natOf(p);
    if (!n) return NF_ACCEPT2;
    return n.nat.setupInfo(n.ct, r, NF_NAT_MANIP_DST);
  };
}
function masqueradeTarget(d) {
  const r = range2(d, false);
  return (p, ctx) => {
    const n = natOf(p);
    if (!n) return NF_ACCEPT2;
    return n.nat.masquerade(p, n.ct, r, ctx.net.primaryAddr(p.outDev), (line) => ctx.log(6, `MASQUERADE: ${line}`));
  };
}
function redirectTarget(d) {
  const r = range2(d, false);
  return (p, ctx) => {
    const n = natOf(p);
    if (!n) return NF_ACCEPT2;
    return n.nat.redirect(n.ct, r, ctx.hook, ctx.net.primaryAddr(p.inDev));
  };
}
function netmapTarget(d) {
  return (p, ctx) => {
    const n = natOf(p);
    if (!n) return NF_ACCEPT2;
    return n.nat.netmap(p, n.ct, d.flags, d.minIp, d.maxIp, ctx.hook);
  };
}

// src/extensions/connbytes.ts
var UINT64_MAX2 = 0xffffffffffffffffn;
var XT_CONNBYTES_PKTS2 = 0;
var XT_CONNBYTES_BYTES2 = 1;
var XT_CONNBYTES_AVGPKT = 2;
var XT_CONNBYTES_DIR_ORIGINAL2 = 0;
var XT_CONNBYTES_DIR_REPLY2 = 1;
var XT_CONNBYTES_DIR_BOTH = 2;
var O_CONNBYTES = 0;
var O_CONNBYTES_DIR = 1;
var O_CONNBYTES_MODE = 2;
var MODES = [" packets", " bytes", " avgpkt"];
var DIRS = [" original", " reply", " both"];
function fromTo(d, prefix) {
  let out = "";
  let from = d.from;
  let to = d.to;
  if (d.from > d.to) {
    out += " !";
    from = d.to;
    to = d.from;
  }
  out += ` ${prefix}connbytes ${from}`;
  if (to && to < UINT64_MAX2) out += `:${to}`;
  return out;
}
var connbytesMatch2 = defineMatch({
  name: "connbytes",
  revision: 0,
  options: [
    { name: "connbytes", id: O_CONNBYTES, type: 8 /* UINT64RC */, flags: XTOPT_MAND | XTOPT_INVERT },
    { name: "connbytes-dir", id: O_CONNBYTES_DIR, type: 10 /* STRING */, flags: XTOPT_MAND },
    { name: "connbytes-mode", id: O_CONNBYTES_MODE, type: 10 /* STRING */, flags: XTOPT_MAND }
  ],
  init: () => ({ from: 0n, to: 0n, what: 0, direction: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connbytesMatch(d),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_CONNBYTES:
        d.from = cb.val.bigRange[0];
        d.to = cb.nvals === 2 ? cb.val.bigRange[1] : UINT64_MAX2;
        if (d.to < d.from) throw paramError(`${d.from} should be less than ${d.to}`);
        if (cb.invert) [d.from, d.to] = [d.to, d.from];
        break;
      case O_CONNBYTES_DIR:
        if (cb.arg === "original") d.direction = XT_CONNBYTES_DIR_ORIGINAL2;
        else if (cb.arg === "reply") d.direction = XT_CONNBYTES_DIR_REPLY2;
        else if (cb.arg === "both") d.direction = XT_CONNBYTES_DIR_BOTH;
        else throw paramError(`Unknown --connbytes-dir \`${cb.arg}'`);
        break;
      case O_CONNBYTES_MODE:
        if (cb.arg === "packets") d.what = XT_CONNBYTES_PKTS2;
        else if (cb.arg === "bytes") d.what = XT_CONNBYTES_BYTES2;
        else if (cb.arg === "avgpkt") d.what = XT_CONNBYTES_AVGPKT;
        else throw paramError(`Unknown --connbytes-mode \`${cb.arg}'`);
        break;
    }
  },
  print: (d) => `${fromTo(d, "")} connbytes mode${MODES[d.what] ?? " unknown"} connbytes direction${DIRS[d.direction] ?? " unknown"}`,
  save: (d) => `${fromTo(d, "--")} --connbytes-mode${MODES[d.what] ?? " unknown"} --connbytes-dir${DIRS[d.direction] ?? " unknown"}`,
  kernelCheck(d) {
    if (d.what > XT_CONNBYTES_AVGPKT || d.direction > XT_CONNBYTES_DIR_BOTH) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "connbytes match options:\n [!] --connbytes from:[to]\n     --connbytes-dir [original, reply, both]\n     --connbytes-mode [packets, bytes, avgpkt]\n"
});

// src/extensions/connlabel.ts
var XT_CONNLABEL_OP_INVERT2 = 1 << 0;
var XT_CONNLABEL_OP_SET2 = 1 << 1;
var LABEL_BITS = 128;
var NO_CONF = "Warning: cannot open /etc/xtables/connlabel.conf: No such file or directory\n";
var O_LABEL = 0;
var O_SET = 1;
function valueParse(s) {
  const r = cStrtoumax(s, 0, 0);
  if (s.length === 0 || r.end !== s.length) return -1;
  return Number(BigInt.asIntN(32, r.big & 0xffffffffn));
}
var connlabelMatch2 = defineMatch({
  name: "connlabel",
  revision: 0,
  options: [
    { name: "label", id: O_LABEL, type: 10 /* STRING */, min: 1, flags: XTOPT_MAND | XTOPT_INVERT },
    { name: "set", id: O_SET, type: 0 /* NONE */ }
  ],
  init: () => ({ bit: 0, options: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connlabelMatch(d),
  parse(cb) {
    const d = cb.data;
    if (cb.entry.id === O_SET) {
      d.options |= XT_CONNLABEL_OP_SET2;
      return;
    }
    const v = valueParse(cb.arg);
    if (v < 0) {
      cb.warn?.(NO_CONF);
      throw paramError(`label '${cb.arg}' not found or invalid value`);
    }
    d.bit = v & 65535;
    if (cb.invert) d.options |= XT_CONNLABEL_OP_INVERT2;
  },
  print(d) {
    printWarning(NO_CONF);
    const inv2 = d.options & XT_CONNLABEL_OP_INVERT2 ? " !" : "";
    return ` connlabel${inv2} ${d.bit}${d.options & XT_CONNLABEL_OP_SET2 ? " set" : ""}`;
  },
  save(d) {
    printWarning(NO_CONF);
    const inv2 = d.options & XT_CONNLABEL_OP_INVERT2 ? " !" : "";
    return `${inv2} --label "${d.bit}"${d.options & XT_CONNLABEL_OP_SET2 ? " --set" : ""}`;
  },
  // userspacesize is offsetof(bit) == 0: -D/-C treat every connlabel match as equal
  compareKey: () => "",
  kernelCheck(d) {
    if (d.options & ~(XT_CONNLABEL_OP_INVERT2 | XT_CONNLABEL_OP_SET2)) return { errno: "EINVAL" };
    if (d.bit >= LABEL_BITS) return { errno: "ERANGE" };
    return void 0;
  },
  help: () => "connlabel match options:\n[!] --label name     Match if label has been set on connection\n    --set            Set label on connection\n"
});

// src/extensions/ct-util.ts
function dataKey2(data) {
  return JSON.stringify(data, (_k, v) => typeof v === "bigint" ? `${v}n` : v);
}
function prefixMatch(token, name) {
  if (token.length > name.length) return false;
  return name.slice(0, token.length).toLowerCase() === token.toLowerCase();
}
function parseCommaList(arg, one, bad, emptyLast) {
  let rest = arg;
  for (; ; ) {
    const comma = rest.indexOf(",");
    if (comma < 0) break;
    if (comma === 0 || !one(rest.slice(0, comma))) throw bad(rest);
    rest = rest.slice(comma + 1);
  }
  if (rest === "" && emptyLast) throw emptyLast();
  if (rest === "" || !one(rest)) throw bad(rest);
}
function hx(n) {
  return (n >>> 0).toString(16);
}

// src/extensions/connlimit.ts
var XT_CONNLIMIT_INVERT2 = 1 << 0;
var XT_CONNLIMIT_DADDR2 = 1 << 1;
var O_UPTO = 0;
var O_ABOVE = 1;
var O_MASK = 2;
var O_SADDR = 3;
var O_DADDR = 4;
function countBits(mask) {
  let bits = 0;
  for (let m = ~mask >>> 0; m !== 0; m >>>= 1) bits++;
  return 32 - bits;
}
var connlimitMatch2 = defineMatch({
  name: "connlimit",
  revision: 1,
  options: [
    {
      name: "connlimit-upto",
      id: O_UPTO,
      excl: 1 << O_ABOVE,
      type: 3 /* UINT32 */,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "limit"
    },
    {
      name: "connlimit-above",
      id: O_ABOVE,
      excl: 1 << O_UPTO,
      type: 3 /* UINT32 */,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "limit"
    },
    { name: "connlimit-mask", id: O_MASK, type: 20 /* PLENMASK */ },
    { name: "connlimit-saddr", id: O_SADDR, excl: 1 << O_DADDR, type: 0 /* NONE */ },
    { name: "connlimit-daddr", id: O_DADDR, excl: 1 << O_SADDR, type: 0 /* NONE */ }
  ],
  init: () => ({ mask: 4294967295, maskFull: true, limit: 0, flags: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connlimitMatch(d),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_ABOVE:
        if (cb.invert) d.flags |= XT_CONNLIMIT_INVERT2;
        break;
      case O_UPTO:
        if (!cb.invert) d.flags |= XT_CONNLIMIT_INVERT2;
        break;
      case O_MASK:
        d.mask = cb.val.hmask >>> 0;
        d.maskFull = cb.val.hlen < 0;
        break;
      case O_SADDR:
        d.flags &= ~XT_CONNLIMIT_DADDR2;
        break;
      case O_DADDR:
        d.flags |= XT_CONNLIMIT_DADDR2;
        break;
    }
  },
  finalCheck(cb) {
    if ((cb.xflags & (1 << O_UPTO | 1 << O_ABOVE)) === 0)
      throw paramError('You must specify "--connlimit-above" or "--connlimit-upto".');
  },
  print: (d) => {
    const dir = d.flags & XT_CONNLIMIT_DADDR2 ? "dst" : "src";
    return ` #conn ${dir}/${countBits(d.mask)} ${d.flags & XT_CONNLIMIT_INVERT2 ? "<=" : ">"} ${d.limit}`;
  },
  save: (d) => ` --connlimit-${d.flags & XT_CONNLIMIT_INVERT2 ? "upto" : "above"} ${d.limit} --connlimit-mask ${countBits(d.mask)} --connlimit-${d.flags & XT_CONNLIMIT_DADDR2 ? "daddr" : "saddr"}`,
  compareKey: (d) => dataKey2(d),
  help: () => "connlimit match options:\n  --connlimit-upto n     match if the number of existing connections is 0..n\n  --connlimit-above n    match if the number of existing connections is >n\n  --connlimit-mask n     group hosts using prefix length (default: max len)\n  --connlimit-saddr      select source address for grouping\n  --connlimit-daddr      select destination addresses for grouping\n"
});

// src/extensions/connmark.ts
var connmarkMatch2 = defineMatch({
  name: "connmark",
  revision: 1,
  options: [{ name: "mark", id: 0, type: 12 /* MARKMASK32 */, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ mark: 0, mask: 0, invert: false }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connmarkMatch(d),
  parse(cb) {
    if (cb.invert) cb.data.invert = true;
    cb.data.mark = cb.val.mark >>> 0;
    cb.data.mask = cb.val.mask >>> 0;
  },
  print: (d) => ` connmark match ${d.invert ? "!" : ""}${printValMask(d.mark, d.mask)}`,
  save: (d) => `${d.invert ? " !" : ""} --mark${printValMask(d.mark, d.mask)}`,
  help: () => "connmark match options:\n[!] --mark value[/mask]    Match ctmark value with optional mask\n"
});

// src/extensions/CONNMARK.target.ts
var XT_CONNMARK_SET2 = 0;
var XT_CONNMARK_SAVE2 = 1;
var XT_CONNMARK_RESTORE2 = 2;
var D_SHIFT_LEFT = 0;
var D_SHIFT_RIGHT2 = 1;
var O_SET_MARK = 0;
var O_SAVE_MARK = 1;
var O_RESTORE_MARK = 2;
var O_AND_MARK = 3;
var O_OR_MARK = 4;
var O_XOR_MARK = 5;
var O_LEFT_SHIFT_MARK = 6;
var O_RIGHT_SHIFT_MARK = 7;
var O_SET_XMARK = 8;
var O_CTMASK = 9;
var O_NFMASK = 10;
var O_MASK2 = 11;
var F_OP_ANY = 1 << O_SET_MARK | 1 << O_SAVE_MARK | 1 << O_RESTORE_MARK | 1 << O_AND_MARK | 1 << O_OR_MARK | 1 << O_XOR_MARK | 1 << O_SET_XMARK;
var F_MASK = 1 << O_MASK2;
var SHIFT_OPS = ["left-shift-mark", "right-shift-mark"];
function modeText(d) {
  switch (d.mode) {
    case XT_CONNMARK_SET2:
      if (d.ctmark === 0) return ` CONNMARK and 0x${hx(~d.ctmask)}`;
      if (d.ctmark === d.ctmask) return ` CONNMARK or 0x${hx(d.ctmark)}`;
      if (d.ctmask === 0) return ` CONNMARK xor 0x${hx(d.ctmark)}`;
      if (d.ctmask === 4294967295) return ` CONNMARK set 0x${hx(d.ctmark)}`;
      return ` CONNMARK xset 0x${hx(d.ctmark)}/0x${hx(d.ctmask)}`;
    case XT_CONNMARK_SAVE2:
      if (d.nfmask === 4294967295 && d.ctmask === 4294967295) return " CONNMARK save";
      if (d.nfmask === d.ctmask) return ` CONNMARK save mask 0x${hx(d.nfmask)}`;
      return ` CONNMARK save nfmask 0x${hx(d.nfmask)} ctmask ~0x${hx(d.ctmask)}`;
    case XT_CONNMARK_RESTORE2:
      if (d.ctmask === 4294967295 && d.nfmask === 4294967295) return " CONNMARK restore";
      if (d.ctmask === d.nfmask) return ` CONNMARK restore mask 0x${hx(d.ctmask)}`;
      return ` CONNMARK restore ctmask 0x${hx(d.ctmask)} nfmask ~0x${hx(d.nfmask)}`;
    default:
      return " ERROR: UNKNOWN CONNMARK MODE";
  }
}
function saveText(d) {
  switch (d.mode) {
    case XT_CONNMARK_SET2:
      return ` --set-xmark 0x${hx(d.ctmark)}/0x${hx(d.ctmask)}`;
    case XT_CONNMARK_SAVE2:
      return ` --save-mark --nfmask 0x${hx(d.nfmask)} --ctmask 0x${hx(d.ctmask)}`;
    case XT_CONNMARK_RESTORE2:
      return ` --restore-mark --nfmask 0x${hx(d.nfmask)} --ctmask 0x${hx(d.ctmask)}`;
    default:
      return " ERROR: UNKNOWN CONNMARK MODE";
  }
}
var connmarkTarget2 = defineTarget({
  name: "CONNMARK",
  revision: 2,
  options: [
    { name: "set-xmark", id: O_SET_XMARK, type: 12 /* MARKMASK32 */, excl: F_OP_ANY },
    { name: "set-mark", id: O_SET_MARK, type: 12 /* MARKMASK32 */, excl: F_OP_ANY },
    { name: "and-mark", id: O_AND_MARK, type: 3 /* UINT32 */, excl: F_OP_ANY },
    { name: "or-mark", id: O_OR_MARK, type: 3 /* UINT32 */, excl: F_OP_ANY },
    { name: "xor-mark", id: O_XOR_MARK, type: 3 /* UINT32 */, excl: F_OP_ANY },
    { name: "save-mark", id: O_SAVE_MARK, type: 0 /* NONE */, excl: F_OP_ANY },
    { name: "restore-mark", id: O_RESTORE_MARK, type: 0 /* NONE */, excl: F_OP_ANY },
    { name: "left-shift-mark", id: O_LEFT_SHIFT_MARK, type: 1 /* UINT8 */, min: 0, max: 32 },
    { name: "right-shift-mark", id: O_RIGHT_SHIFT_MARK, type: 1 /* UINT8 */, min: 0, max: 32 },
    { name: "ctmask", id: O_CTMASK, type: 3 /* UINT32 */, excl: F_MASK, flags: XTOPT_PUT, put: "ctmask" },
    { name: "nfmask", id: O_NFMASK, type: 3 /* UINT32 */, excl: F_MASK, flags: XTOPT_PUT, put: "nfmask" },
    { name: "mask", id: O_MASK2, type: 3 /* UINT32 */, excl: 1 << O_CTMASK | 1 << O_NFMASK }
  ],
  init: () => ({ ctmark: 0, ctmask: 4294967295, nfmask: 4294967295, shiftDir: D_SHIFT_LEFT, shiftBits: 0, mode: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => connmarkTarget(d),
  parse(cb) {
    const d = cb.data;
    const v = cb.val;
    switch (cb.entry.id) {
      case O_SET_XMARK:
        d.mode = XT_CONNMARK_SET2;
        d.ctmark = v.mark >>> 0;
        d.ctmask = v.mask >>> 0;
        break;
      case O_SET_MARK:
        d.mode = XT_CONNMARK_SET2;
        d.ctmark = v.mark >>> 0;
        d.ctmask = (v.mark | v.mask) >>> 0;
        break;
      case O_AND_MARK:
        d.mode = XT_CONNMARK_SET2;
        d.ctmark = 0;
        d.ctmask = ~v.u >>> 0;
        break;
      case O_OR_MARK:
        d.mode = XT_CONNMARK_SET2;
        d.ctmark = v.u >>> 0;
        d.ctmask = v.u >>> 0;
        break;
      case O_XOR_MARK:
        d.mode = XT_CONNMARK_SET2;
        d.ctmark = v.u >>> 0;
        d.ctmask = 0;
        break;
      case O_SAVE_MARK:
        d.mode = XT_CONNMARK_SAVE2;
        break;
      case O_RESTORE_MARK:
        d.mode = XT_CONNMARK_RESTORE2;
        break;
      case O_MASK2:
        d.nfmask = v.u >>> 0;
        d.ctmask = v.u >>> 0;
        break;
      case O_LEFT_SHIFT_MARK:
        d.shiftDir = D_SHIFT_LEFT;
        d.shiftBits = v.u;
        break;
      case O_RIGHT_SHIFT_MARK:
        d.shiftDir = D_SHIFT_RIGHT2;
        d.shiftBits = v.u;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_OP_ANY)) throw paramError("CONNMARK target: No operation specified");
  },
  print(d) {
    let out = modeText(d);
    if (d.mode <= XT_CONNMARK_RESTORE2 && d.shiftBits !== 0) out += ` ${SHIFT_OPS[d.shiftDir]} ${d.shiftBits}`;
    return out;
  },
  save(d) {
    let out = saveText(d);
    if (d.mode <= XT_CONNMARK_RESTORE2 && d.shiftBits !== 0) out += ` --${SHIFT_OPS[d.shiftDir]} ${d.shiftBits}`;
    return out;
  },
  compareKey: (d) => dataKey2(d),
  kernelCheck(d) {
    if (d.shiftBits > 31) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "CONNMARK target options:\n  --set-xmark value[/ctmask]    Zero mask bits and XOR ctmark with value\n  --save-mark [--ctmask mask] [--nfmask mask]\n                                Copy ctmark to nfmark using masks\n  --restore-mark [--ctmask mask] [--nfmask mask]\n                                Copy nfmark to ctmark using masks\n  --set-mark value[/mask]       Set conntrack mark value\n  --save-mark [--mask mask]     Save the packet nfmark in the connection\n  --restore-mark [--mask mask]  Restore saved nfmark value\n  --and-mark value              Binary AND the ctmark with bits\n  --or-mark value               Binary OR  the ctmark with bits\n  --xor-mark value              Binary XOR the ctmark with bits\n  --left-shift-mark value       Left shift the ctmark with bits\n  --right-shift-mark value      Right shift the ctmark with bits\n"
});

// src/extensions/CONNSECMARK.target.ts
var CONNSECMARK_SAVE = 1;
var CONNSECMARK_RESTORE = 2;
var O_SAVE = 0;
var O_RESTORE = 1;
function modeName(d) {
  if (d.mode === CONNSECMARK_SAVE) return "save";
  if (d.mode === CONNSECMARK_RESTORE) return "restore";
  throw otherError(`CONNSECMARK target: invalid mode ${d.mode}`);
}
var connsecmarkTarget = defineTarget({
  name: "CONNSECMARK",
  revision: 0,
  tables: ["mangle", "security"],
  options: [
    { name: "save", id: O_SAVE, excl: 1 << O_RESTORE, type: 0 /* NONE */ },
    { name: "restore", id: O_RESTORE, excl: 1 << O_SAVE, type: 0 /* NONE */ }
  ],
  init: () => ({ mode: 0 }),
  parse(cb) {
    cb.data.mode = cb.entry.id === O_SAVE ? CONNSECMARK_SAVE : CONNSECMARK_RESTORE;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("CONNSECMARK target: parameter required");
  },
  print: (d) => ` CONNSECMARK ${modeName(d)}`,
  save: (d) => ` --${modeName(d)}`,
  kernelCheck(d) {
    if (d.mode !== CONNSECMARK_SAVE && d.mode !== CONNSECMARK_RESTORE) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "CONNSECMARK target options:\n  --save                   Copy security mark from packet to conntrack\n  --restore                Copy security mark from connection to packet\n"
});

// src/extensions/conntrack.ts
var XT_CONNTRACK_STATE2 = 1 << 0;
var XT_CONNTRACK_PROTO2 = 1 << 1;
var XT_CONNTRACK_ORIGSRC2 = 1 << 2;
var XT_CONNTRACK_ORIGDST2 = 1 << 3;
var XT_CONNTRACK_REPLSRC2 = 1 << 4;
var XT_CONNTRACK_REPLDST2 = 1 << 5;
var XT_CONNTRACK_STATUS2 = 1 << 6;
var XT_CONNTRACK_EXPIRES2 = 1 << 7;
var XT_CONNTRACK_ORIGSRC_PORT2 = 1 << 8;
var XT_CONNTRACK_ORIGDST_PORT2 = 1 << 9;
var XT_CONNTRACK_REPLSRC_PORT2 = 1 << 10;
var XT_CONNTRACK_REPLDST_PORT2 = 1 << 11;
var XT_CONNTRACK_DIRECTION2 = 1 << 12;
var XT_CONNTRACK_STATE_ALIAS = 1 << 13;
var XT_INV_PROTO = 64;
var STATE_INVALID2 = 1 << 0;
var STATE_ESTABLISHED = 1 << 1;
var STATE_RELATED = 1 << 2;
var STATE_NEW = 1 << 3;
var STATE_SNAT2 = 1 << 6;
var STATE_DNAT2 = 1 << 7;
var STATE_UNTRACKED2 = 1 << 8;
var IPS_EXPECTED2 = 1 << 0;
var IPS_SEEN_REPLY2 = 1 << 1;
var IPS_ASSURED2 = 1 << 2;
var IPS_CONFIRMED2 = 1 << 3;
var O_CTSTATE = 0;
var O_CTPROTO = 1;
var O_CTORIGSRC = 2;
var O_CTORIGDST = 3;
var O_CTREPLSRC = 4;
var O_CTREPLDST = 5;
var O_CTORIGSRCPORT = 6;
var O_CTORIGDSTPORT = 7;
var O_CTREPLSRCPORT = 8;
var O_CTREPLDSTPORT = 9;
var O_CTSTATUS = 10;
var O_CTEXPIRE = 11;
var O_CTDIR = 12;
var noAddr = () => ({ addr: 0, mask: 0, full: false });
function conntrackInit() {
  return {
    origsrc: noAddr(),
    origdst: noAddr(),
    replsrc: noAddr(),
    repldst: noAddr(),
    expiresMin: 0,
    expiresMax: 0,
    l4proto: 0,
    origsrcPort: 0,
    origdstPort: 0,
    replsrcPort: 0,
    repldstPort: 0,
    matchFlags: 0,
    invertFlags: 0,
    stateMask: 0,
    statusMask: 0,
    origsrcPortHigh: 0,
    origdstPortHigh: 0,
    replsrcPortHigh: 0,
    repldstPortHigh: 0
  };
}
var CT_STATES = [
  ["INVALID", STATE_INVALID2],
  ["NEW", STATE_NEW],
  ["ESTABLISHED", STATE_ESTABLISHED],
  ["RELATED", STATE_RELATED],
  ["UNTRACKED", STATE_UNTRACKED2],
  ["SNAT", STATE_SNAT2],
  ["DNAT", STATE_DNAT2]
];
var STATE_NAMES = CT_STATES.slice(0, 5);
var CT_STATUSES = [
  ["NONE", 0],
  ["EXPECTED", IPS_EXPECTED2],
  ["SEEN_REPLY", IPS_SEEN_REPLY2],
  ["ASSURED", IPS_ASSURED2],
  ["CONFIRMED", IPS_CONFIRMED2]
];
function lookupPrefix(table, token) {
  for (const [name, bit] of table) if (prefixMatch(token, name)) return bit;
  return void 0;
}
function parseStates(arg) {
  let mask = 0;
  parseCommaList(
    arg,
    (t) => {
      const b = lookupPrefix(CT_STATES, t);
      if (b === void 0) return false;
      mask |= b;
      return true;
    },
    (rest) => paramError(`Bad ctstate "${rest}"`)
  );
  return mask;
}
function parseStatuses(arg) {
  let mask = 0;
  parseCommaList(
    arg,
    (t) => {
      const b = lookupPrefix(CT_STATUSES, t);
      if (b === void 0) return false;
      mask |= b;
      return true;
    },
    (rest) => paramError(`Bad ctstatus "${rest}"`)
  );
  return mask;
}
function hostArg(cb) {
  const full = !cb.arg.includes("/") || cb.val.hlen < 0;
  return { addr: cb.val.haddr >>> 0, mask: cb.val.hmask >>> 0, full };
}
function conntrackParse(cb) {
  const d = cb.data;
  const inv2 = (flag) => {
    d.matchFlags |= flag;
    if (cb.invert) d.invertFlags |= flag;
  };
  const ports = () => [cb.val.portRange[0], cb.val.portRange[cb.nvals >= 2 ? 1 : 0]];
  switch (cb.entry.id) {
    case O_CTSTATE:
      d.stateMask |= parseStates(cb.arg);
      inv2(XT_CONNTRACK_STATE2);
      break;
    case O_CTPROTO:
      d.l4proto = cb.val.protocol;
      if (d.l4proto === 0 && d.invertFlags & XT_INV_PROTO)
        throw paramError("conntrack: rule would never match protocol");
      inv2(XT_CONNTRACK_PROTO2);
      break;
    case O_CTORIGSRC:
      d.origsrc = hostArg(cb);
      inv2(XT_CONNTRACK_ORIGSRC2);
      break;
    case O_CTORIGDST:
      d.origdst = hostArg(cb);
      inv2(XT_CONNTRACK_ORIGDST2);
      break;
    case O_CTREPLSRC:
      d.replsrc = hostArg(cb);
      inv2(XT_CONNTRACK_REPLSRC2);
      break;
    case O_CTREPLDST:
      d.repldst = hostArg(cb);
      inv2(XT_CONNTRACK_REPLDST2);
      break;
    case O_CTSTATUS:
      d.statusMask |= parseStatuses(cb.arg);
      inv2(XT_CONNTRACK_STATUS2);
      break;
    case O_CTEXPIRE:
      d.expiresMin = cb.val.range[0];
      d.expiresMax = cb.nvals >= 2 ? cb.val.range[1] : cb.val.range[0];
      inv2(XT_CONNTRACK_EXPIRES2);
      break;
    case O_CTORIGSRCPORT:
      [d.origsrcPort, d.origsrcPortHigh] = ports();
      inv2(XT_CONNTRACK_ORIGSRC_PORT2);
      break;
    case O_CTORIGDSTPORT:
      [d.origdstPort, d.origdstPortHigh] = ports();
      inv2(XT_CONNTRACK_ORIGDST_PORT2);
      break;
    case O_CTREPLSRCPORT:
      [d.replsrcPort, d.replsrcPortHigh] = ports();
      inv2(XT_CONNTRACK_REPLSRC_PORT2);
      break;
    case O_CTREPLDSTPORT:
      [d.repldstPort, d.repldstPortHigh] = ports();
      inv2(XT_CONNTRACK_REPLDST_PORT2);
      break;
    case O_CTDIR: {
      const a = cb.arg.toLowerCase();
      if (a === "original") {
        d.matchFlags |= XT_CONNTRACK_DIRECTION2;
        d.invertFlags &= ~XT_CONNTRACK_DIRECTION2;
      } else if (a === "reply") {
        d.matchFlags |= XT_CONNTRACK_DIRECTION2;
        d.invertFlags |= XT_CONNTRACK_DIRECTION2;
      } else {
        throw paramError(`conntrack: Bad value for "--ctdir" option: "${cb.arg}"`);
      }
      break;
    }
  }
}
function printStates(mask) {
  const names = [];
  for (const [name, bit] of [
    ["INVALID", STATE_INVALID2],
    ["NEW", STATE_NEW],
    ["RELATED", STATE_RELATED],
    ["ESTABLISHED", STATE_ESTABLISHED],
    ["UNTRACKED", STATE_UNTRACKED2],
    ["SNAT", STATE_SNAT2],
    ["DNAT", STATE_DNAT2]
  ]) {
    if (mask & bit) names.push(name);
  }
  return names.length ? ` ${names.join(",")}` : "";
}
function printStatus(mask) {
  const names = [];
  if (mask & IPS_EXPECTED2) names.push("EXPECTED");
  if (mask & IPS_SEEN_REPLY2) names.push("SEEN_REPLY");
  if (mask & IPS_ASSURED2) names.push("ASSURED");
  if (mask & IPS_CONFIRMED2) names.push("CONFIRMED");
  if (mask === 0) names.push("NONE");
  return ` ${names.join(",")}`;
}
function dumpAddr(a, numeric, ctx) {
  if (!numeric && a.addr === 0) return " anywhere";
  return ` ${numeric ? formatIPv4(a.addr) : addrToAnyName(a.addr, ctx.db)}${maskSuffix(a.mask)}`;
}
function dumpPorts(prefix, opt, low, high) {
  if (high === 0 || low === high) return ` ${prefix}${opt} ${low}`;
  return ` ${prefix}${opt} ${low}:${high}`;
}
function conntrackDump(d, prefix, numeric, ctx) {
  const f = d.matchFlags;
  const inv2 = (flag) => d.invertFlags & flag ? " !" : "";
  let out = "";
  if (f & XT_CONNTRACK_STATE2) {
    out += `${inv2(XT_CONNTRACK_STATE2)} ${prefix}${f & XT_CONNTRACK_STATE_ALIAS ? "state" : "ctstate"}`;
    out += printStates(d.stateMask);
  }
  if (f & XT_CONNTRACK_PROTO2) out += `${inv2(XT_CONNTRACK_PROTO2)} ${prefix}ctproto ${d.l4proto}`;
  const addrs = [
    [XT_CONNTRACK_ORIGSRC2, "ctorigsrc", d.origsrc],
    [XT_CONNTRACK_ORIGDST2, "ctorigdst", d.origdst],
    [XT_CONNTRACK_REPLSRC2, "ctreplsrc", d.replsrc],
    [XT_CONNTRACK_REPLDST2, "ctrepldst", d.repldst]
  ];
  for (const [flag, name, a] of addrs) {
    if (f & flag) out += `${inv2(flag)} ${prefix}${name}${dumpAddr(a, numeric, ctx)}`;
  }
  const ports = [
    [XT_CONNTRACK_ORIGSRC_PORT2, "ctorigsrcport", d.origsrcPort, d.origsrcPortHigh],
    [XT_CONNTRACK_ORIGDST_PORT2, "ctorigdstport", d.origdstPort, d.origdstPortHigh],
    [XT_CONNTRACK_REPLSRC_PORT2, "ctreplsrcport", d.replsrcPort, d.replsrcPortHigh],
    [XT_CONNTRACK_REPLDST_PORT2, "ctrepldstport", d.repldstPort, d.repldstPortHigh]
  ];
  for (const [flag, name, lo, hi] of ports) {
    if (f & flag) out += inv2(flag) + dumpPorts(prefix, name, lo, hi);
  }
  if (f & XT_CONNTRACK_STATUS2) out += `${inv2(XT_CONNTRACK_STATUS2)} ${prefix}ctstatus${printStatus(d.statusMask)}`;
  if (f & XT_CONNTRACK_EXPIRES2) {
    out += `${inv2(XT_CONNTRACK_EXPIRES2)} ${prefix}ctexpire `;
    out += d.expiresMax === d.expiresMin ? `${d.expiresMin}` : `${d.expiresMin}:${d.expiresMax}`;
  }
  if (f & XT_CONNTRACK_DIRECTION2) out += ` ${prefix}ctdir ${d.invertFlags & XT_CONNTRACK_DIRECTION2 ? "REPLY" : "ORIGINAL"}`;
  return out;
}
var HOSTMASK_OPT = (name, id) => ({ name, id, type: 15 /* HOSTMASK */, flags: XTOPT_INVERT });
var PORT_OPT = (name, id) => ({ name, id, type: 18 /* PORTRC */, flags: XTOPT_INVERT });
var conntrackMatch2 = defineMatch({
  name: "conntrack",
  revision: 3,
  options: [
    { name: "ctstate", id: O_CTSTATE, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "ctproto", id: O_CTPROTO, type: 16 /* PROTOCOL */, flags: XTOPT_INVERT },
    HOSTMASK_OPT("ctorigsrc", O_CTORIGSRC),
    HOSTMASK_OPT("ctorigdst", O_CTORIGDST),
    HOSTMASK_OPT("ctreplsrc", O_CTREPLSRC),
    HOSTMASK_OPT("ctrepldst", O_CTREPLDST),
    { name: "ctstatus", id: O_CTSTATUS, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "ctexpire", id: O_CTEXPIRE, type: 7 /* UINT32RC */, flags: XTOPT_INVERT },
    PORT_OPT("ctorigsrcport", O_CTORIGSRCPORT),
    PORT_OPT("ctorigdstport", O_CTORIGDSTPORT),
    PORT_OPT("ctreplsrcport", O_CTREPLSRCPORT),
    PORT_OPT("ctrepldstport", O_CTREPLDSTPORT),
    { name: "ctdir", id: O_CTDIR, type: 10 /* STRING */ }
  ],
  init: conntrackInit,
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => conntrackMatch(d),
  parse: conntrackParse,
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("conntrack: At least one option is required");
  },
  print: (d, ctx) => conntrackDump(d, "", ctx.numeric, ctx),
  save: (d, ctx) => conntrackDump(d, "--", true, ctx),
  compareKey: (d) => dataKey2(d),
  help: () => 'conntrack match options:\n[!] --ctstate {INVALID|ESTABLISHED|NEW|RELATED|UNTRACKED|SNAT|DNAT}[,...]\n                               State(s) to match\n[!] --ctproto proto            Protocol to match; by number or name, e.g. "tcp"\n[!] --ctorigsrc address[/mask]\n[!] --ctorigdst address[/mask]\n[!] --ctreplsrc address[/mask]\n[!] --ctrepldst address[/mask]\n                               Original/Reply source/destination address\n[!] --ctorigsrcport port\n[!] --ctorigdstport port\n[!] --ctreplsrcport port\n[!] --ctrepldstport port\n                               TCP/UDP/SCTP orig./reply source/destination port\n[!] --ctstatus {NONE|EXPECTED|SEEN_REPLY|ASSURED|CONFIRMED}[,...]\n                               Status(es) to match\n[!] --ctexpire time[:time]     Match remaining lifetime in seconds against\n                               value or range of values (inclusive)\n    --ctdir {ORIGINAL|REPLY}   Flow direction of packet\n'
});

// src/extensions/CT.target.ts
var XT_CT_NOTRACK3 = 1 << 0;
var XT_CT_NOTRACK_ALIAS = 1 << 1;
var XT_CT_ZONE_DIR_ORIG2 = 1 << 2;
var XT_CT_ZONE_DIR_REPL2 = 1 << 3;
var XT_CT_ZONE_MARK2 = 1 << 4;
var O_NOTRACK = 0;
var O_HELPER = 1;
var O_TIMEOUT = 2;
var O_CTEVENTS = 3;
var O_EXPEVENTS = 4;
var O_ZONE = 5;
var O_ZONE_ORIG = 6;
var O_ZONE_REPLY = 7;
var CT_EVENTS = [
  ["new", 0],
  ["related", 1],
  ["destroy", 2],
  ["reply", 3],
  ["assured", 4],
  ["protoinfo", 5],
  ["helper", 6],
  ["mark", 7],
  ["natseqinfo", 8],
  ["secmark", 9]
];
var EXP_EVENTS = [["new", 0]];
var HELPERS = {
  ftp: [6],
  tftp: [17],
  irc: [6],
  sip: [6, 17],
  amanda: [17],
  "netbios-ns": [17],
  snmp: [17],
  snmp_trap: [17],
  pptp: [6],
  sane: [6],
  RAS: [17],
  "Q.931": [6]
};
function parseEvents(tbl, arg) {
  let mask = 0;
  for (const t of arg.split(",")) {
    const e = tbl.find(([n]) => n === t);
    if (!e) throw paramError(`Unknown event type "${t}"`);
    mask |= 1 << e[1];
  }
  return mask;
}
function printEvents(pfx, tbl, mask) {
  return ` ${pfx} ${tbl.filter(([, bit]) => mask & 1 << bit).map(([n]) => n).join(",")}`;
}
function printZone(pfx, zone, flags) {
  let out = ` ${pfx}`;
  const dir = flags & (XT_CT_ZONE_DIR_ORIG2 | XT_CT_ZONE_DIR_REPL2);
  if (dir === XT_CT_ZONE_DIR_ORIG2) out += "-orig";
  if (dir === XT_CT_ZONE_DIR_REPL2) out += "-reply";
  out += flags & XT_CT_ZONE_MARK2 ? " mark" : ` ${zone}`;
  return out;
}
function ctPrint(d) {
  if (d.flags & XT_CT_NOTRACK_ALIAS) return " NOTRACK";
  let out = " CT";
  if (d.flags & XT_CT_NOTRACK3) out += " notrack";
  if (d.helper) out += ` helper ${d.helper}`;
  if (d.timeout) out += ` timeout ${d.timeout}`;
  if (d.ctEvents) out += printEvents("ctevents", CT_EVENTS, d.ctEvents);
  if (d.expEvents) out += printEvents("expevents", EXP_EVENTS, d.expEvents);
  if (d.flags & XT_CT_ZONE_MARK2 || d.zone) out += printZone("zone", d.zone, d.flags);
  return out;
}
function ctSave(d) {
  if (d.flags & XT_CT_NOTRACK_ALIAS) return "";
  let out = "";
  if (d.flags & XT_CT_NOTRACK3) out += " --notrack";
  if (d.helper) out += ` --helper ${d.helper}`;
  if (d.timeout) out += ` --timeout ${d.timeout}`;
  if (d.ctEvents) out += printEvents("--ctevents", CT_EVENTS, d.ctEvents);
  if (d.expEvents) out += printEvents("--expevents", EXP_EVENTS, d.expEvents);
  if (d.flags & XT_CT_ZONE_MARK2 || d.zone) out += printZone("--zone", d.zone, d.flags);
  return out;
}
function ctKernelCheck(d, ctx) {
  if (d.flags & XT_CT_NOTRACK3) return void 0;
  const proto2 = ctx.ip.invflags & IPT_INV_PROTO ? 0 : ctx.ip.proto;
  if (d.helper) {
    if (!proto2) return { errno: "ENOENT", log: "You must specify a L4 protocol and not use inversions on it" };
    const protos = Object.hasOwn(HELPERS, d.helper) ? HELPERS[d.helper] : [];
    if (!protos.includes(proto2)) return { errno: "ENOENT", log: `No such helper "${d.helper}"` };
  }
  if (d.timeout) {
    if (!proto2) return { errno: "EINVAL", log: "You must specify a L4 protocol and not use inversions on it" };
    return { errno: "ENOENT" };
  }
  return void 0;
}
var ctInit = () => ({ flags: 0, zone: 0, ctEvents: 0, expEvents: 0, helper: "", timeout: "" });
function ctReadback(d) {
  return d.timeout.length > 4 ? { ...d, timeout: d.timeout.slice(0, 4) } : d;
}
var ctTarget2 = defineTarget({
  name: "CT",
  revision: 2,
  tables: ["raw"],
  options: [
    { name: "notrack", id: O_NOTRACK, type: 0 /* NONE */ },
    { name: "helper", id: O_HELPER, type: 10 /* STRING */, flags: XTOPT_PUT, size: 16, put: "helper" },
    { name: "timeout", id: O_TIMEOUT, type: 10 /* STRING */, flags: XTOPT_PUT, size: 32, put: "timeout" },
    { name: "ctevents", id: O_CTEVENTS, type: 10 /* STRING */ },
    { name: "expevents", id: O_EXPEVENTS, type: 10 /* STRING */ },
    { name: "zone-orig", id: O_ZONE_ORIG, type: 10 /* STRING */ },
    { name: "zone-reply", id: O_ZONE_REPLY, type: 10 /* STRING */ },
    { name: "zone", id: O_ZONE, type: 10 /* STRING */ }
  ],
  init: ctInit,
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d, ip2) => ctTarget(d, ip2.proto),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_NOTRACK:
        d.flags |= XT_CT_NOTRACK3;
        break;
      case O_ZONE_ORIG:
      case O_ZONE_REPLY:
      case O_ZONE: {
        if (cb.entry.id === O_ZONE_ORIG) d.flags |= XT_CT_ZONE_DIR_ORIG2;
        if (cb.entry.id === O_ZONE_REPLY) d.flags |= XT_CT_ZONE_DIR_REPL2;
        d.zone = 0;
        if (cb.arg.toLowerCase() === "mark") {
          d.flags |= XT_CT_ZONE_MARK2;
        } else {
          const v = xtStrtouiWhole(cb.arg, 0, 65535);
          if (v === void 0) throw paramError(`Cannot parse ${cb.arg} as a zone ID`);
          d.zone = v;
        }
        break;
      }
      case O_CTEVENTS:
        d.ctEvents = parseEvents(CT_EVENTS, cb.arg);
        break;
      case O_EXPEVENTS:
        d.expEvents = parseEvents(EXP_EVENTS, cb.arg);
        break;
    }
  },
  print: ctPrint,
  save: ctSave,
  saveName: (d) => d.flags & XT_CT_NOTRACK_ALIAS ? "NOTRACK" : "CT",
  compareKey: (d) => dataKey2(d),
  kernelCheck: ctKernelCheck,
  readback: ctReadback,
  help: () => "CT target options:\n --notrack			Don't track connection\n --helper name			Use conntrack helper 'name' for connection\n --timeout name 		Use timeout policy 'name' for connection\n --ctevents event[,event...]	Generate specified conntrack events for connection\n --expevents event[,event...]	Generate specified expectation events for connection\n --zone {ID|mark}		Assign/Lookup connection in zone ID/packet nfmark\n --zone-orig {ID|mark}		Same as 'zone' option, but only applies to ORIGINAL direction\n --zone-reply {ID|mark} 	Same as 'zone' option, but only applies to REPLY direction\n"
});
var notrackTarget = defineTarget({
  name: "NOTRACK",
  realName: "CT",
  revision: 2,
  tables: ["raw"],
  init: () => ({ ...ctInit(), flags: XT_CT_NOTRACK3 | XT_CT_NOTRACK_ALIAS }),
  compile: (d, ip2) => ctTarget(d, ip2.proto),
  print: ctPrint,
  save: ctSave,
  compareKey: (d) => dataKey2(d),
  kernelCheck: ctKernelCheck
});

// src/extensions/helper.ts
var helperMatch2 = defineMatch({
  name: "helper",
  revision: 0,
  options: [
    { name: "helper", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT, size: 30, put: "name" }
  ],
  init: () => ({ invert: false, name: "" }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => helperMatch(d),
  parse(cb) {
    if (cb.invert) cb.data.invert = true;
  },
  print: (d) => ` helper match ${d.invert ? "! " : ""}"${d.name}"`,
  save: (d) => `${d.invert ? " !" : ""} --helper${saveString(d.name)}`,
  help: () => "helper match options:\n[!] --helper string        Match helper identified by string\n"
});

// src/extensions/mark.ts
var markMatch = defineMatch({
  name: "mark",
  revision: 1,
  options: [{ name: "mark", id: 0, type: 12 /* MARKMASK32 */, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ mark: 0, mask: 0, invert: false }),
  parse(cb) {
    if (cb.invert) cb.data.invert = true;
    cb.data.mark = cb.val.mark >>> 0;
    cb.data.mask = cb.val.mask >>> 0;
  },
  // add_nft_mark()/parse_meta_mark(): value, mask and inversion survive unchanged
  normalize: (d) => d,
  compile(d) {
    const mark = d.mark >>> 0;
    const mask = d.mask >>> 0;
    const inv2 = d.invert;
    return (p) => (p.mark & mask) >>> 0 === mark !== inv2;
  },
  print: (d) => ` mark match${d.invert ? " !" : ""}${printValMask(d.mark, d.mask)}`,
  save: (d) => `${d.invert ? " !" : ""} --mark${printValMask(d.mark, d.mask)}`,
  help: () => "mark match options:\n[!] --mark value[/mask]    Match nfmark value with optional mask\n"
});

// src/extensions/MARK.target.ts
var O_SET_MARK2 = 0;
var O_AND_MARK2 = 1;
var O_OR_MARK2 = 2;
var O_XOR_MARK2 = 3;
var O_SET_XMARK2 = 4;
var F_ANY = 31;
var markTarget = defineTarget({
  name: "MARK",
  revision: 2,
  options: [
    { name: "set-xmark", id: O_SET_XMARK2, type: 12 /* MARKMASK32 */, excl: F_ANY },
    { name: "set-mark", id: O_SET_MARK2, type: 12 /* MARKMASK32 */, excl: F_ANY },
    { name: "and-mark", id: O_AND_MARK2, type: 3 /* UINT32 */, excl: F_ANY },
    { name: "or-mark", id: O_OR_MARK2, type: 3 /* UINT32 */, excl: F_ANY },
    { name: "xor-mark", id: O_XOR_MARK2, type: 3 /* UINT32 */, excl: F_ANY }
  ],
  init: () => ({ mark: 0, mask: 0 }),
  parse(cb) {
    const d = cb.data;
    const v = cb.val;
    switch (cb.entry.id) {
      case O_SET_XMARK2:
        d.mark = v.mark >>> 0;
        d.mask = v.mask >>> 0;
        break;
      case O_SET_MARK2:
        d.mark = v.mark >>> 0;
        d.mask = (v.mark | v.mask) >>> 0;
        break;
      case O_AND_MARK2:
        d.mark = 0;
        d.mask = ~v.u >>> 0;
        break;
      case O_OR_MARK2:
        d.mark = v.u >>> 0;
        d.mask = v.u >>> 0;
        break;
      case O_XOR_MARK2:
        d.mark = v.u >>> 0;
        d.mask = 0;
        break;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required");
  },
  print(d) {
    if (d.mark === 0) return ` MARK and 0x${hx(~d.mask)}`;
    if (d.mark === d.mask) return ` MARK or 0x${hx(d.mark)}`;
    if (d.mask === 0) return ` MARK xor 0x${hx(d.mark)}`;
    if (d.mask === 4294967295) return ` MARK set 0x${hx(d.mark)}`;
    return ` MARK xset 0x${hx(d.mark)}/0x${hx(d.mask)}`;
  },
  compile(d) {
    const keep = ~d.mask >>> 0;
    const mark = d.mark >>> 0;
    return (p) => {
      p.mark = (p.mark & keep ^ mark) >>> 0;
      return XT_CONTINUE;
    };
  },
  save: (d) => ` --set-xmark 0x${hx(d.mark)}/0x${hx(d.mask)}`,
  help: () => "MARK target options:\n  --set-xmark value[/mask]  Clear bits in mask and XOR value into nfmark\n  --set-mark value[/mask]   Clear bits in mask and OR value into nfmark\n  --and-mark bits           Binary AND the nfmark with bits\n  --or-mark bits            Binary OR the nfmark with bits\n  --xor-mark bits           Binary XOR the nfmark with bits\n"
});

// src/extensions/SECMARK.target.ts
var SECMARK_MODE_SEL = 1;
function secmarkText(d) {
  if (d.mode !== SECMARK_MODE_SEL) throw otherError(`SECMARK target: invalid mode ${d.mode}`);
  return `selctx ${d.secctx}`;
}
var secmarkTarget = defineTarget({
  name: "SECMARK",
  revision: 1,
  tables: ["mangle", "security"],
  options: [{ name: "selctx", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND | XTOPT_PUT, size: 256, put: "secctx" }],
  init: () => ({ mode: 0, secctx: "" }),
  parse(cb) {
    cb.data.mode = SECMARK_MODE_SEL;
  },
  print: (d) => ` SECMARK ${secmarkText(d)}`,
  save: (d) => ` --${secmarkText(d)}`,
  kernelCheck() {
    return { errno: "ENOENT" };
  },
  help: () => "SECMARK target options:\n  --selctx value                     Set the SELinux security context\n"
});

// src/extensions/state.ts
function parseStates2(arg) {
  let mask = 0;
  parseCommaList(
    arg,
    (t) => {
      const b = lookupPrefix(STATE_NAMES, t);
      if (!b) return false;
      mask |= b;
      return true;
    },
    (rest) => paramError(`Bad state "${rest}"`),
    () => paramError('"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED')
  );
  return mask;
}
var stateMatch = defineMatch({
  name: "state",
  realName: "conntrack",
  revision: 3,
  options: [{ name: "state", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: conntrackInit,
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => conntrackMatch(d),
  parse(cb) {
    const d = cb.data;
    d.matchFlags = XT_CONNTRACK_STATE2 | XT_CONNTRACK_STATE_ALIAS;
    d.stateMask = parseStates2(cb.arg);
    if (cb.invert) d.invertFlags |= XT_CONNTRACK_STATE2;
  },
  print: (d, ctx) => conntrackDump(d, "", ctx.numeric, ctx),
  save: (d, ctx) => conntrackDump(d, "--", true, ctx),
  compareKey: (d) => dataKey2(d),
  help: () => "state match options:\n [!] --state [INVALID|ESTABLISHED|NEW|RELATED|UNTRACKED][,...]\n				State(s) to match\n"
});

// src/extensions/TRACE.target.ts
var traceTarget = defineTarget({
  name: "TRACE",
  revision: 0,
  init: () => ({}),
  // meta nftrace set 1: the rule goes on to the next one
  compile: () => (p) => {
    p.nfTrace = true;
    return XT_CONTINUE;
  }
});

// src/extensions/groups/conntrack.ts
var matches = [
  stateMatch,
  conntrackMatch2,
  connmarkMatch2,
  connlimitMatch2,
  connbytesMatch2,
  connlabelMatch2,
  helperMatch2,
  markMatch
];
var targets = [
  markTarget,
  connmarkTarget2,
  ctTarget2,
  notrackTarget,
  traceTarget,
  connsecmarkTarget,
  secmarkTarget
];

// src/extensions/groups/l4.ts
var l4_exports = {};
__export(l4_exports, {
  matches: () => matches2,
  targets: () => targets2
});

// src/extensions/spi-common.ts
function spiOption(name, id, flags, type) {
  return { name, id, type, flags };
}
function spiParse(cb, invFlag) {
  const r = cb.val.range;
  cb.data.spis = [r[0], cb.nvals === 1 ? r[0] : r[1]];
  if (cb.invert) cb.data.invflags |= invFlag;
}
function spiSave(opt, d, invFlag) {
  const [min, max] = d.spis;
  if (min === 0 && max === 4294967295) return "";
  return `${d.invflags & invFlag ? " !" : ""} --${opt} ${min !== max ? `${min}:${max}` : min}`;
}
function spiMatchFn(d, hdrLen, off, width, invert) {
  const min = d.spis[0] >>> 0;
  const max = d.spis[1] >>> 0;
  return (p, ctx) => {
    if (fragOff(p) !== 0) return false;
    if (l4Avail(p) < hdrLen) {
      ctx.hotdrop = true;
      return false;
    }
    const spi = width === 4 ? rawU32(p, off) : rawU16(p, off);
    return (spi >= min && spi <= max) !== invert;
  };
}

// src/extensions/ah.ts
var IPT_AH_INV_SPI = 1;
var IPT_AH_INV_MASK = 1;
var IPPROTO_AH = 51;
var ahMatch = defineMatch({
  name: "ah",
  revision: 0,
  options: [spiOption("ahspi", 0, XTOPT_INVERT, 7 /* UINT32RC */)],
  init: () => ({ spis: [0, 4294967295], invflags: 0 }),
  parse: (cb) => spiParse(cb, IPT_AH_INV_SPI),
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_AH) || d.invflags & ~IPT_AH_INV_MASK) return { errno: "EINVAL" };
    return void 0;
  },
  print(d) {
    const [min, max] = d.spis;
    const inv2 = (d.invflags & IPT_AH_INV_SPI) !== 0;
    let out = " ah ";
    if (min !== 0 || max !== 4294967295 || inv2) out += min === max ? `spi:${inv2 ? "!" : ""}${min}` : `spis:${inv2 ? "!" : ""}${min}:${max}`;
    if (d.invflags & ~IPT_AH_INV_MASK) out += ` Unknown invflags: 0x${(d.invflags & ~IPT_AH_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save: (d) => spiSave("ahspi", d, IPT_AH_INV_SPI),
  compareKey: (d) => dataKey(d),
  // ah_mt(): 12-byte struct ip_auth_hdr, SPI at offset 4
  compile: (d) => spiMatchFn(d, 12, 4, 4, (d.invflags & IPT_AH_INV_SPI) !== 0),
  help: () => "ah match options:\n[!] --ahspi spi[:spi]\n				match spi (range)\n"
});

// src/extensions/dccp.ts
var XT_DCCP_SRC_PORTS = 1;
var XT_DCCP_DEST_PORTS = 2;
var XT_DCCP_TYPE = 4;
var XT_DCCP_OPTION = 8;
var XT_DCCP_VALID_FLAGS = 15;
var IPPROTO_DCCP2 = 33;
var DCCP_PKT_INVALID = 10;
var INVALID_OTHER_TYPE_MASK = 63488;
var O_SOURCE_PORT = 0;
var O_DEST_PORT = 1;
var O_DCCP_TYPES = 2;
var O_DCCP_OPTION = 3;
var PKT_TYPES = ["REQUEST", "RESPONSE", "DATA", "ACK", "DATAACK", "CLOSEREQ", "CLOSE", "RESET", "SYNC", "SYNCACK", "INVALID"];
function dccpPacketHdrLen(type) {
  if (type === 2) return 0;
  if (type === 3 || type === 4 || type === 5 || type === 6 || type === 8 || type === 9) return 8;
  if (type === 0) return 4;
  return 12;
}
function parseTypes(s) {
  let mask = 0;
  for (const tok of s.split(",")) {
    if (tok === "") continue;
    const i = PKT_TYPES.findIndex((n) => n.toLowerCase() === tok.toLowerCase());
    if (i < 0) throw paramError(`Unknown DCCP type \`${tok}'`);
    mask |= 1 << i;
  }
  if (mask & 1 << DCCP_PKT_INVALID) mask |= INVALID_OTHER_TYPE_MASK;
  return mask;
}
function printTypes(types, inverted, numeric) {
  let out = inverted ? " !" : "";
  out += " ";
  const names = [];
  let t = types;
  while (t) {
    let i = 0;
    while (!(t & 1 << i)) i++;
    if (numeric) names.push(String(i));
    else {
      names.push(PKT_TYPES[i] ?? "");
      if (i === DCCP_PKT_INVALID) break;
    }
    t &= ~(1 << i);
  }
  return out + names.join(",");
}
var dccpMatch = defineMatch({
  name: "dccp",
  revision: 0,
  options: [
    { name: "source-port", id: O_SOURCE_PORT, type: 18 /* PORTRC */, flags: XTOPT_INVERT | XTOPT_PUT, put: "spts" },
    { name: "sport", id: O_SOURCE_PORT, type: 18 /* PORTRC */, flags: XTOPT_INVERT | XTOPT_PUT, put: "spts" },
    { name: "destination-port", id: O_DEST_PORT, type: 18 /* PORTRC */, flags: XTOPT_INVERT | XTOPT_PUT, put: "dpts" },
    { name: "dport", id: O_DEST_PORT, type: 18 /* PORTRC */, flags: XTOPT_INVERT | XTOPT_PUT, put: "dpts" },
    { name: "dccp-types", id: O_DCCP_TYPES, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "dccp-option", id: O_DCCP_OPTION, type: 1 /* UINT8 */, min: 1, max: 255, flags: XTOPT_INVERT | XTOPT_PUT, put: "option" }
  ],
  init: () => ({ spts: [0, 0], dpts: [0, 0], flags: 0, invflags: 0, typemask: 0, option: 0 }),
  parse(cb) {
    const d = cb.data;
    const flag = [XT_DCCP_SRC_PORTS, XT_DCCP_DEST_PORTS, XT_DCCP_TYPE, XT_DCCP_OPTION][cb.entry.id];
    d.flags |= flag;
    if (cb.entry.id === O_DCCP_TYPES) d.typemask = parseTypes(cb.arg);
    if (cb.invert) d.invflags |= flag;
  },
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_DCCP2)) return { errno: "EINVAL" };
    if (d.flags & ~XT_DCCP_VALID_FLAGS || d.invflags & ~XT_DCCP_VALID_FLAGS || d.invflags & ~d.flags) return { errno: "EINVAL" };
    return void 0;
  },
  print(d, ctx) {
    let out = " dccp";
    if (d.flags & XT_DCCP_SRC_PORTS)
      out += printPortRange("spt", d.spts, (d.invflags & XT_DCCP_SRC_PORTS) !== 0, ctx.numeric, "dccp");
    if (d.flags & XT_DCCP_DEST_PORTS)
      out += printPortRange("dpt", d.dpts, (d.invflags & XT_DCCP_DEST_PORTS) !== 0, ctx.numeric, "dccp");
    if (d.flags & XT_DCCP_TYPE) out += printTypes(d.typemask, (d.invflags & XT_DCCP_TYPE) !== 0, ctx.numeric);
    if (d.flags & XT_DCCP_OPTION) {
      const inv2 = (d.invflags & XT_DCCP_OPTION) !== 0;
      if (d.option || inv2) out += ` option=${inv2 ? "!" : ""}${d.option}`;
    }
    return out;
  },
  save(d) {
    let out = "";
    if (d.flags & XT_DCCP_SRC_PORTS) out += savePortRange("sport", d.spts, (d.invflags & XT_DCCP_SRC_PORTS) !== 0);
    if (d.flags & XT_DCCP_DEST_PORTS) out += savePortRange("dport", d.dpts, (d.invflags & XT_DCCP_DEST_PORTS) !== 0);
    if (d.flags & XT_DCCP_TYPE) {
      out += `${d.invflags & XT_DCCP_TYPE ? " !" : ""} --dccp-types${printTypes(d.typemask, false, false)}`;
    }
    if (d.flags & XT_DCCP_OPTION) out += `${d.invflags & XT_DCCP_OPTION ? " !" : ""} --dccp-option ${d.option}`;
    return out;
  },
  compile(d) {
    const [s0, s1] = d.spts;
    const [d0, d1] = d.dpts;
    const has = (bit) => (d.flags & bit) !== 0;
    const inv2 = (bit) => (d.invflags & bit) !== 0;
    const chkSrc = has(XT_DCCP_SRC_PORTS);
    const chkDst = has(XT_DCCP_DEST_PORTS);
    const chkType = has(XT_DCCP_TYPE);
    const chkOpt = has(XT_DCCP_OPTION);
    const [invSrc, invDst, invType, invOpt] = [
      inv2(XT_DCCP_SRC_PORTS),
      inv2(XT_DCCP_DEST_PORTS),
      inv2(XT_DCCP_TYPE),
      inv2(XT_DCCP_OPTION)
    ];
    const typemask = d.typemask;
    const option = d.option;
    const findOption = (p, ctx) => {
      const b8 = rawByte(p, 8);
      const type = b8 >>> 1 & 15;
      const hdrLen = 12 + (b8 & 1 ? 4 : 0) + dccpPacketHdrLen(type);
      const doff4 = rawByte(p, 4) * 4;
      if (doff4 < hdrLen) {
        ctx.hotdrop = true;
        return false;
      }
      const optlen = doff4 - hdrLen;
      if (optlen === 0) return false;
      if (l4Avail(p) < hdrLen + optlen) {
        ctx.hotdrop = true;
        return false;
      }
      for (let i = 0; i < optlen; ) {
        const kind = rawByte(p, hdrLen + i);
        if (kind === option) return true;
        if (kind < 2) {
          i++;
          continue;
        }
        if (i + 1 >= optlen) break;
        i += rawByte(p, hdrLen + i + 1) || 1;
      }
      return false;
    };
    return (p, ctx) => {
      if (fragOff(p) !== 0) return false;
      if (l4Avail(p) < 12) {
        ctx.hotdrop = true;
        return false;
      }
      if (chkSrc) {
        const sp = rawU16(p, 0);
        if ((sp >= s0 && sp <= s1) === invSrc) return false;
      }
      if (chkDst) {
        const dp = rawU16(p, 2);
        if ((dp >= d0 && dp <= d1) === invDst) return false;
      }
      if (chkType && (typemask & 1 << (rawByte(p, 8) >>> 1 & 15)) !== 0 === invType) return false;
      return !chkOpt || findOption(p, ctx) !== invOpt;
    };
  },
  help: () => "dccp match options\n[!] --source-port port[:port]                          match source port(s)\n --sport ...\n[!] --destination-port port[:port]                     match destination port(s)\n --dport ...\n[!] --dccp-types type[,...]                            match when packet is one of the given types\n[!] --dccp-option option                               match if option (by number!) is set\n"
});

// src/extensions/dscp.ts
var XT_DSCP_MAX = 63;
var O_DSCP = 0;
var O_DSCP_CLASS = 1;
var DS_CLASSES = [
  ["CS0", 0],
  ["CS1", 8],
  ["CS2", 16],
  ["CS3", 24],
  ["CS4", 32],
  ["CS5", 40],
  ["CS6", 48],
  ["CS7", 56],
  ["BE", 0],
  ["AF11", 10],
  ["AF12", 12],
  ["AF13", 14],
  ["AF21", 18],
  ["AF22", 20],
  ["AF23", 22],
  ["AF31", 26],
  ["AF32", 28],
  ["AF33", 30],
  ["AF41", 34],
  ["AF42", 36],
  ["AF43", 38],
  ["EF", 46]
];
function classToDscp(name) {
  const low = name.toLowerCase();
  for (const [cls, v] of DS_CLASSES) if (low.startsWith(cls.toLowerCase())) return v;
  throw paramError(`Invalid DSCP value \`${name}'`);
}
var dscpMatch = defineMatch({
  name: "dscp",
  revision: 0,
  options: [
    { name: "dscp", id: O_DSCP, excl: 1 << O_DSCP_CLASS, type: 1 /* UINT8 */, min: 0, max: XT_DSCP_MAX, flags: XTOPT_INVERT | XTOPT_PUT, put: "dscp" },
    { name: "dscp-class", id: O_DSCP_CLASS, excl: 1 << O_DSCP, type: 10 /* STRING */, flags: XTOPT_INVERT }
  ],
  init: () => ({ dscp: 0, invert: 0 }),
  parse(cb) {
    if (cb.entry.id === O_DSCP_CLASS) cb.data.dscp = classToDscp(cb.arg);
    if (cb.invert) cb.data.invert = 1;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("DSCP match: Parameter --dscp is required");
  },
  compile(d) {
    const dscp = d.dscp;
    const inv2 = d.invert !== 0;
    return (p) => p.tos >>> 2 === dscp !== inv2;
  },
  print: (d) => ` DSCP match ${d.invert ? "!" : ""}0x${hex2(d.dscp)}`,
  save: (d) => `${d.invert ? " !" : ""} --dscp 0x${hex2(d.dscp)}`,
  help: () => "dscp match options\n[!] --dscp value		Match DSCP codepoint with numerical value\n  		                This value can be in decimal (ex: 32)\n               		or in hex (ex: 0x20)\n[!] --dscp-class name		Match the DiffServ class. This value may\n				be any of the BE,EF, AFxx or CSx classes\n\n				These two options are mutually exclusive !\n"
});

// src/extensions/ecn.ts
var XT_ECN_OP_MATCH_IP = 1;
var XT_ECN_OP_MATCH_ECE = 16;
var XT_ECN_OP_MATCH_CWR = 32;
var XT_ECN_OP_MATCH_MASK = 206;
var O_ECN_TCP_CWR = 0;
var O_ECN_TCP_ECE = 1;
var O_ECN_IP_ECT = 2;
var ecnMatch = defineMatch({
  name: "ecn",
  revision: 0,
  options: [
    { name: "ecn-tcp-cwr", id: O_ECN_TCP_CWR, type: 0 /* NONE */, flags: XTOPT_INVERT },
    { name: "ecn-tcp-ece", id: O_ECN_TCP_ECE, type: 0 /* NONE */, flags: XTOPT_INVERT },
    { name: "ecn-ip-ect", id: O_ECN_IP_ECT, type: 1 /* UINT8 */, min: 0, max: 3, flags: XTOPT_INVERT }
  ],
  init: () => ({ operation: 0, invert: 0, ipEct: 0 }),
  parse(cb) {
    const d = cb.data;
    const op = [XT_ECN_OP_MATCH_CWR, XT_ECN_OP_MATCH_ECE, XT_ECN_OP_MATCH_IP][cb.entry.id];
    d.operation |= op;
    if (cb.invert) d.invert |= op;
    if (cb.entry.id === O_ECN_IP_ECT) d.ipEct = cb.val.u;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("ECN match: some option required");
  },
  kernelCheck(d, ctx) {
    if (d.operation & XT_ECN_OP_MATCH_MASK || d.invert & XT_ECN_OP_MATCH_MASK) return { errno: "EINVAL" };
    if (d.operation & (XT_ECN_OP_MATCH_ECE | XT_ECN_OP_MATCH_CWR) && wrongProto(ctx.ip, 6)) {
      return { errno: "EINVAL", log: "cannot match TCP bits in rule for non-tcp packets" };
    }
    return void 0;
  },
  compile(d) {
    const ip2 = (d.operation & XT_ECN_OP_MATCH_IP) !== 0;
    const ect = d.ipEct;
    const invIp = (d.invert & XT_ECN_OP_MATCH_IP) !== 0;
    const ece = (d.operation & XT_ECN_OP_MATCH_ECE) !== 0;
    const invEce = (d.invert & XT_ECN_OP_MATCH_ECE) !== 0;
    const cwr = (d.operation & XT_ECN_OP_MATCH_CWR) !== 0;
    const invCwr = (d.invert & XT_ECN_OP_MATCH_CWR) !== 0;
    return (p) => {
      if (ip2 && (p.tos & 3) === ect === invIp) return false;
      if (ece || cwr) {
        if (l4Avail(p) < 20) return false;
        const f = tcpFlagsByte(p);
        if (ece && (f & 64) !== 0 === invEce) return false;
        if (cwr && (f & 128) !== 0 === invCwr) return false;
      }
      return true;
    };
  },
  print(d) {
    let out = " ECN match";
    if (d.operation & XT_ECN_OP_MATCH_ECE) out += ` ${d.invert & XT_ECN_OP_MATCH_ECE ? "!" : ""}ECE`;
    if (d.operation & XT_ECN_OP_MATCH_CWR) out += ` ${d.invert & XT_ECN_OP_MATCH_CWR ? "!" : ""}CWR`;
    if (d.operation & XT_ECN_OP_MATCH_IP) out += ` ${d.invert & XT_ECN_OP_MATCH_IP ? "!" : ""}ECT=${d.ipEct}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.operation & XT_ECN_OP_MATCH_ECE) out += `${d.invert & XT_ECN_OP_MATCH_ECE ? " !" : ""} --ecn-tcp-ece`;
    if (d.operation & XT_ECN_OP_MATCH_CWR) out += `${d.invert & XT_ECN_OP_MATCH_CWR ? " !" : ""} --ecn-tcp-cwr`;
    if (d.operation & XT_ECN_OP_MATCH_IP) out += `${d.invert & XT_ECN_OP_MATCH_IP ? " !" : ""} --ecn-ip-ect ${d.ipEct}`;
    return out;
  },
  help: () => "ECN match options\n[!] --ecn-tcp-cwr 		Match CWR bit of TCP header\n[!] --ecn-tcp-ece		Match ECE bit of TCP header\n[!] --ecn-ip-ect [0..3]	Match ECN codepoint in IPv4/IPv6 header\n"
});

// src/extensions/esp.ts
var XT_ESP_INV_SPI = 1;
var XT_ESP_INV_MASK = 1;
var IPPROTO_ESP = 50;
var espMatch = defineMatch({
  name: "esp",
  revision: 0,
  options: [spiOption("espspi", 0, XTOPT_INVERT, 7 /* UINT32RC */)],
  init: () => ({ spis: [0, 4294967295], invflags: 0 }),
  parse: (cb) => spiParse(cb, XT_ESP_INV_SPI),
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_ESP) || d.invflags & ~XT_ESP_INV_MASK) return { errno: "EINVAL" };
    return void 0;
  },
  print(d) {
    const [min, max] = d.spis;
    const inv2 = (d.invflags & XT_ESP_INV_SPI) !== 0;
    let out = " esp";
    if (min !== 0 || max !== 4294967295 || inv2)
      out += min === max ? ` spi:${inv2 ? "!" : ""}${min}` : ` spis:${inv2 ? "!" : ""}${min}:${max}`;
    if (d.invflags & ~XT_ESP_INV_MASK) out += ` Unknown invflags: 0x${(d.invflags & ~XT_ESP_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save: (d) => spiSave("espspi", d, XT_ESP_INV_SPI),
  compareKey: (d) => dataKey(d),
  // esp_mt(): 8-byte struct ip_esp_hdr, SPI at offset 0
  compile: (d) => spiMatchFn(d, 8, 0, 4, (d.invflags & XT_ESP_INV_SPI) !== 0),
  help: () => "esp match options:\n[!] --espspi spi[:spi]\n				match spi (range)\n"
});

// src/extensions/ipcomp.ts
var XT_IPCOMP_INV_SPI = 1;
var XT_IPCOMP_INV_MASK = 1;
var IPPROTO_COMP = 108;
var ipcompMatch = defineMatch({
  name: "ipcomp",
  revision: 0,
  options: [spiOption("ipcompspi", 0, XTOPT_INVERT, 7 /* UINT32RC */), { name: "compres", id: 1, type: 0 /* NONE */ }],
  init: () => ({ spis: [0, 0], invflags: 0, hdrres: 0 }),
  parse(cb) {
    if (cb.entry.id === 0) spiParse(cb, XT_IPCOMP_INV_SPI);
    else cb.data.hdrres = 1;
  },
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_COMP) || d.invflags & ~XT_IPCOMP_INV_MASK) return { errno: "EINVAL" };
    return void 0;
  },
  print(d) {
    const [min, max] = d.spis;
    const inv2 = (d.invflags & XT_IPCOMP_INV_SPI) !== 0;
    let out = " comp ";
    if (min !== 0 || max !== 4294967295 || inv2) out += min === max ? `spi:${inv2 ? "!" : ""}${min}` : `spis:${inv2 ? "!" : ""}${min}:${max}`;
    if (d.hdrres) out += " reserved";
    if (d.invflags & ~XT_IPCOMP_INV_MASK) out += ` Unknown invflags: 0x${(d.invflags & ~XT_IPCOMP_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save: (d) => spiSave("ipcompspi", d, XT_IPCOMP_INV_SPI) + (d.hdrres ? " --compres" : ""),
  compareKey: (d) => dataKey(d),
  // comp_mt(): 4-byte struct ip_comp_hdr, 16-bit CPI at offset 2; --compres is not tested by the kernel
  compile: (d) => spiMatchFn(d, 4, 2, 2, (d.invflags & XT_IPCOMP_INV_SPI) !== 0),
  help: () => "comp match options:\n[!] --ipcompspi spi[:spi]\n				match spi (range)\n"
});

// src/extensions/length.ts
function lenText(d) {
  return d.min === d.max ? String(d.min) : `${d.min}:${d.max}`;
}
var lengthMatch = defineMatch({
  name: "length",
  revision: 0,
  options: [{ name: "length", id: 0, type: 6 /* UINT16RC */, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ min: 0, max: 0, invert: 0 }),
  parse(cb) {
    cb.data.min = cb.val.range[0];
    cb.data.max = cb.nvals >= 2 ? cb.val.range[1] : cb.data.min;
    if (cb.invert) cb.data.invert = 1;
  },
  compile(d) {
    const { min, max } = d;
    const inv2 = d.invert !== 0;
    return (p) => {
      const len = totalLen(p);
      return (len >= min && len <= max) !== inv2;
    };
  },
  print: (d) => ` length ${d.invert ? "!" : ""}${lenText(d)}`,
  save: (d) => `${d.invert ? " !" : ""} --length ${lenText(d)}`,
  help: () => "length match options:\n[!] --length length[:length]    Match packet length against value or range\n                                of values (inclusive)\n"
});

// src/extensions/multiport.ts
var XT_MULTI_PORTS = 15;
var XT_MULTIPORT_SOURCE = 0;
var XT_MULTIPORT_DESTINATION = 1;
var XT_MULTIPORT_EITHER = 2;
var O_SOURCE_PORTS = 0;
var O_DEST_PORTS = 1;
var O_SD_PORTS = 2;
var F_ANY2 = 7;
function protoName3(proto2) {
  switch (proto2) {
    case 6:
      return "tcp";
    case 17:
      return "udp";
    case 136:
      return "udplite";
    case 132:
      return "sctp";
    case 33:
      return "dccp";
    default:
      return void 0;
  }
}
function checkProto(ip2) {
  const only = "multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP";
  if (ip2.invflags & IPT_INV_PROTO) throw paramError(only);
  const name = protoName3(ip2.proto);
  if (name !== void 0) return name;
  if (!ip2.proto) throw paramError("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
  throw paramError(only);
}
function parsePorts(arg, d, proto2) {
  const ports = [];
  const pflags = [];
  let rest = arg;
  let i = 0;
  while (rest !== null && i < XT_MULTI_PORTS) {
    const comma = rest.indexOf(",");
    let cp = comma >= 0 ? rest.slice(0, comma) : rest;
    rest = comma >= 0 ? rest.slice(comma + 1) : null;
    const colon = cp.indexOf(":");
    let range = null;
    if (colon >= 0) {
      if (i === XT_MULTI_PORTS - 1) throw paramError("too many ports specified");
      range = cp.slice(colon + 1);
      cp = cp.slice(0, colon);
    }
    ports[i] = parsePort(cp, proto2);
    pflags[i] = 0;
    if (range !== null) {
      pflags[i] = 1;
      i++;
      ports[i] = parsePort(range, proto2);
      pflags[i] = 0;
      if (ports[i - 1] >= ports[i]) throw paramError("invalid portrange specified");
    }
    i++;
  }
  if (rest !== null) throw paramError("too many ports specified");
  d.count = i;
  d.ports = ports;
  d.pflags = pflags;
}
function portList(d, proto2, numeric) {
  const name = protoName3(proto2) ?? "";
  let out = "";
  for (let i = 0; i < d.count; i++) {
    out += `${i ? "," : ""}${portName(d.ports[i], name, numeric)}`;
    if (d.pflags[i]) out += `:${portName(d.ports[++i], name, numeric)}`;
  }
  return out;
}
var multiportMatch = defineMatch({
  name: "multiport",
  revision: 1,
  options: [
    { name: "source-ports", id: O_SOURCE_PORTS, type: 10 /* STRING */, excl: F_ANY2, flags: XTOPT_INVERT },
    { name: "sports", id: O_SOURCE_PORTS, type: 10 /* STRING */, excl: F_ANY2, flags: XTOPT_INVERT },
    { name: "destination-ports", id: O_DEST_PORTS, type: 10 /* STRING */, excl: F_ANY2, flags: XTOPT_INVERT },
    { name: "dports", id: O_DEST_PORTS, type: 10 /* STRING */, excl: F_ANY2, flags: XTOPT_INVERT },
    { name: "ports", id: O_SD_PORTS, type: 10 /* STRING */, excl: F_ANY2, flags: XTOPT_INVERT }
  ],
  init: () => ({ flags: 0, count: 0, ports: [], pflags: [], invert: 0 }),
  parse(cb) {
    const proto2 = checkProto(cb.ip);
    parsePorts(cb.arg, cb.data, proto2);
    cb.data.flags = cb.entry.id === O_SOURCE_PORTS ? XT_MULTIPORT_SOURCE : cb.entry.id === O_DEST_PORTS ? XT_MULTIPORT_DESTINATION : XT_MULTIPORT_EITHER;
    if (cb.invert) cb.data.invert = 1;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("multiport expection an option");
  },
  kernelCheck(d, ctx) {
    const ok = protoName3(ctx.ip.proto) !== void 0 && !(ctx.ip.invflags & IPT_INV_PROTO) && d.flags <= XT_MULTIPORT_EITHER && d.count <= XT_MULTI_PORTS;
    return ok ? void 0 : { errno: "EINVAL" };
  },
  print(d, ctx) {
    let out = " multiport ";
    out += ["sports ", "dports ", "ports "][d.flags] ?? "ERROR ";
    if (d.invert) out += " !";
    return out + portList(d, ctx.ip.proto, ctx.numeric);
  },
  save(d, ctx) {
    let out = d.invert ? " !" : "";
    out += [" --sports ", " --dports ", " --ports "][d.flags] ?? "";
    return out + portList(d, ctx.ip.proto, true);
  },
  compile(d) {
    const n = Math.min(d.count, XT_MULTI_PORTS);
    const lo = [];
    const hi = [];
    for (let i = 0; i < n; i++) {
      const s = d.ports[i];
      if (d.pflags[i]) {
        lo.push(s);
        hi.push(d.ports[++i] ?? 0);
      } else {
        lo.push(s);
        hi.push(s);
      }
    }
    const flags = d.flags;
    const useSrc = flags === XT_MULTIPORT_SOURCE || flags === XT_MULTIPORT_EITHER;
    const useDst = flags === XT_MULTIPORT_DESTINATION || flags === XT_MULTIPORT_EITHER;
    const inv2 = d.invert !== 0;
    const count = lo.length;
    return (p, ctx) => {
      if (fragOff(p) !== 0) return false;
      if (l4Avail(p) < 4) {
        ctx.hotdrop = true;
        return false;
      }
      const src = l4Port(p, 0);
      const dst = l4Port(p, 1);
      for (let i = 0; i < count; i++) {
        const a = lo[i];
        const b = hi[i];
        if (useSrc && src >= a && src <= b || useDst && dst >= a && dst <= b) return !inv2;
      }
      return inv2;
    };
  },
  help: () => "multiport match options:\n[!] --source-ports port[,port:port,port...]\n --sports ...\n				match source port(s)\n[!] --destination-ports port[,port:port,port...]\n --dports ...\n				match destination port(s)\n[!] --ports port[,port:port,port]\n				match both source and destination port(s)\n"
});

// src/extensions/pkttype.ts
var TYPES = [
  ["unicast", 0, "to us"],
  ["broadcast", 1, "to all"],
  ["multicast", 2, "to group"],
  ["otherhost", 3, "to someone else"],
  ["bcast", 1, null],
  ["mcast", 2, null],
  ["host", 0, null]
];
function typeName(t) {
  return TYPES.find(([, v]) => v === t)?.[0] ?? String(t);
}
var pkttypeMatch = defineMatch({
  name: "pkttype",
  revision: 0,
  options: [{ name: "pkt-type", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ pkttype: 0, invert: 0 }),
  parse(cb) {
    const e = TYPES.find(([n]) => n.toLowerCase() === cb.arg.toLowerCase());
    if (!e) throw paramError(`Bad packet type '${cb.arg}'`);
    cb.data.pkttype = e[1];
    if (cb.invert) cb.data.invert = 1;
  },
  compile(d) {
    const want = d.pkttype;
    const inv2 = d.invert !== 0;
    return (p) => {
      let type = p.pktType;
      if (type === PACKET_LOOPBACK) type = p.dst >>> 28 === 14 ? PACKET_MULTICAST : PACKET_BROADCAST;
      return type === want !== inv2;
    };
  },
  print: (d) => ` PKTTYPE ${d.invert ? "!" : ""}= ${typeName(d.pkttype)}`,
  save: (d) => `${d.invert ? " !" : ""} --pkt-type ${typeName(d.pkttype)}`,
  help() {
    let out = "pkttype match options:\n[!] --pkt-type packettype    match packet type\nValid packet types:\n";
    for (const [name, , text] of TYPES) if (text !== null) out += `	${name.padEnd(14)}		${text}
`;
    return `${out}
`;
  }
});

// src/extensions/realm.ts
var REALMS = [[0, "cosmos"]];
var REALM_HOOKS = HOOK_POST | HOOK_FWD | HOOK_OUT | HOOK_IN;
function parseValMask(arg) {
  const byName2 = () => {
    const e = REALMS.find(([, n]) => n === arg);
    if (!e) throw paramError(`realm: could not map name ${arg} to an integer value for option "--realm".
`);
    return { id: e[0], mask: 4294967295 };
  };
  const v = xtStrtoul(arg, 0, 4294967295);
  if (!v.ok) return byName2();
  if (v.end === arg.length) return { id: v.value, mask: 4294967295 };
  if (arg[v.end] !== "/") return byName2();
  const rest = arg.slice(v.end + 1);
  const m = xtStrtoul(rest, 0, 4294967295);
  if (!m.ok) throw paramError('realm: bad integer value for option "--realm", or out of range.\n');
  if (m.end !== rest.length) throw paramError('realm: trailing garbage after value for option "--realm".\n');
  return { id: v.value, mask: m.value };
}
function valMask(id, mask, names) {
  if (mask >>> 0 !== 4294967295) return ` 0x${(id >>> 0).toString(16)}/0x${(mask >>> 0).toString(16)}`;
  const name = names ? REALMS.find(([v]) => v === id)?.[1] : void 0;
  return name !== void 0 ? ` ${name}` : ` 0x${(id >>> 0).toString(16)}`;
}
var realmMatch = defineMatch({
  name: "realm",
  revision: 0,
  options: [{ name: "realm", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ id: 0, mask: 0, invert: 0 }),
  parse(cb) {
    const r = parseValMask(cb.arg);
    cb.data.id = r.id;
    cb.data.mask = r.mask;
    if (cb.invert) cb.data.invert = 1;
  },
  kernelCheck: (_d, ctx) => ctx.hookMask & ~REALM_HOOKS ? { errno: "EINVAL" } : void 0,
  compile(d) {
    const hit = d.id >>> 0 === 0;
    const matched = hit !== (d.invert !== 0);
    return () => matched;
  },
  print: (d, ctx) => `${d.invert ? " !" : ""} realm${valMask(d.id, d.mask, !ctx.numeric)}`,
  save: (d) => `${d.invert ? " !" : ""} --realm${valMask(d.id, d.mask, true)}`,
  help: () => "realm match options:\n[!] --realm value[/mask]\n				Match realm\n"
});

// src/extensions/sctp.ts
var XT_SCTP_SRC_PORTS = 1;
var XT_SCTP_DEST_PORTS = 2;
var XT_SCTP_CHUNK_TYPES = 4;
var XT_SCTP_VALID_FLAGS = 7;
var XT_NUM_SCTP_FLAGS = 4;
var SCTP_CHUNK_MATCH_ANY = 1;
var SCTP_CHUNK_MATCH_ALL = 2;
var SCTP_CHUNK_MATCH_ONLY = 4;
var IPPROTO_SCTP2 = 132;
var CHUNKS = [
  ["DATA", 0, "----IUBE"],
  ["INIT", 1, "--------"],
  ["INIT_ACK", 2, "--------"],
  ["SACK", 3, "--------"],
  ["HEARTBEAT", 4, "--------"],
  ["HEARTBEAT_ACK", 5, "--------"],
  ["ABORT", 6, "-------T"],
  ["SHUTDOWN", 7, "--------"],
  ["SHUTDOWN_ACK", 8, "--------"],
  ["ERROR", 9, "--------"],
  ["COOKIE_ECHO", 10, "--------"],
  ["COOKIE_ACK", 11, "--------"],
  ["ECN_ECNE", 12, "--------"],
  ["ECN_CWR", 13, "--------"],
  ["SHUTDOWN_COMPLETE", 14, "-------T"],
  ["I_DATA", 64, "----IUBE"],
  ["RE_CONFIG", 130, "--------"],
  ["PAD", 132, "--------"],
  ["ASCONF", 193, "--------"],
  ["ASCONF_ACK", 128, "--------"],
  ["FORWARD_TSN", 192, "--------"],
  ["I_FORWARD_TSN", 194, "--------"]
];
function isSet(map, type) {
  return (map[type >>> 5] >>> (type & 31) & 1) !== 0;
}
function parsePorts2(arg) {
  const colon = arg.indexOf(":");
  if (colon < 0) {
    const p = parsePort(arg, "sctp");
    return [p, p];
  }
  const a = arg.slice(0, colon);
  const b = arg.slice(colon + 1);
  const lo = a ? parsePort(a, "sctp") : 0;
  const hi = b ? parsePort(b, "sctp") : 65535;
  if (lo > hi) throw paramError("invalid portrange (min > max)");
  return [lo, hi];
}
function saveFlag(d, index, bit, set) {
  for (let i = 0; i < d.flagCount; i++) {
    const fi2 = d.flagInfo[i];
    if (fi2.chunktype !== index) continue;
    fi2.flagMask |= 1 << bit;
    if (set) fi2.flag |= 1 << bit;
    return;
  }
  if (d.flagCount === XT_NUM_SCTP_FLAGS) {
    throw paramError(
      "Number of chunk types with flags exceeds currently allowed limit. Increasing this limit involves changing IPT_NUM_SCTP_FLAGS and recompiling both the kernel space and user space modules"
    );
  }
  const fi = d.flagInfo[d.flagCount];
  fi.chunktype = index;
  fi.flagMask |= 1 << bit;
  if (set) fi.flag |= 1 << bit;
  d.flagCount++;
}
function parseChunks(d, chunks) {
  d.chunkmap = [0, 0, 0, 0, 0, 0, 0, 0];
  if (chunks.toUpperCase() === "ALL") {
    d.chunkmap = d.chunkmap.map(() => 4294967295);
    return;
  }
  if (chunks.toUpperCase() === "NONE") return;
  for (const tok of chunks.split(",")) {
    if (tok === "") continue;
    const colon = tok.indexOf(":");
    const name = colon >= 0 ? tok.slice(0, colon) : tok;
    const flags = colon >= 0 ? tok.slice(colon + 1) : null;
    const index = CHUNKS.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (index < 0) throw paramError(`Unknown sctp chunk \`${name}'`);
    const type = CHUNKS[index][1];
    d.chunkmap[type >>> 5] = (d.chunkmap[type >>> 5] | 1 << (type & 31)) >>> 0;
    if (flags === null) continue;
    const valid = CHUNKS[index][2];
    for (const c of flags) {
      const pos = valid.indexOf(c.toUpperCase());
      if (pos < 0 || c.length !== 1) throw paramError(`Invalid flags for chunk type ${index}`);
      saveFlag(d, index, 7 - pos, c >= "A" && c <= "Z");
    }
  }
}
function sctpParse(cb) {
  const d = cb.data;
  switch (cb.entry.id) {
    case 1:
      if (cb.xflags & XT_SCTP_SRC_PORTS) throw paramError("Only one `--source-port' allowed");
      d.flags |= XT_SCTP_SRC_PORTS;
      d.spts = parsePorts2(cb.arg);
      if (cb.invert) d.invflags |= XT_SCTP_SRC_PORTS;
      cb.xflags |= XT_SCTP_SRC_PORTS;
      break;
    case 2:
      if (cb.xflags & XT_SCTP_DEST_PORTS) throw paramError("Only one `--destination-port' allowed");
      d.flags |= XT_SCTP_DEST_PORTS;
      d.dpts = parsePorts2(cb.arg);
      if (cb.invert) d.invflags |= XT_SCTP_DEST_PORTS;
      cb.xflags |= XT_SCTP_DEST_PORTS;
      break;
    case 3: {
      if (cb.xflags & XT_SCTP_CHUNK_TYPES) throw paramError("Only one `--chunk-types' allowed");
      const g = cb.getopt;
      const next = g.argv[g.optind];
      if (next === void 0 || next[0] === "-" || next[0] === "!") throw paramError("--chunk-types requires two args");
      d.flags |= XT_SCTP_CHUNK_TYPES;
      const mt = cb.arg.toUpperCase();
      if (mt === "ANY") d.chunkMatchType = SCTP_CHUNK_MATCH_ANY;
      else if (mt === "ALL") d.chunkMatchType = SCTP_CHUNK_MATCH_ALL;
      else if (mt === "ONLY") d.chunkMatchType = SCTP_CHUNK_MATCH_ONLY;
      else throw paramError('Match type has to be one of "ALL", "ANY" or "ONLY"');
      parseChunks(d, next);
      if (cb.invert) d.invflags |= XT_SCTP_CHUNK_TYPES;
      g.optind++;
      cb.xflags |= XT_SCTP_CHUNK_TYPES;
      break;
    }
  }
}
function flagText(index, flag, mask) {
  let out = mask ? ":" : "";
  const valid = CHUNKS[index]?.[2] ?? "";
  for (let i = 7; i >= 0; i--) {
    if (!(mask & 1 << i)) continue;
    const c = valid[7 - i] ?? "";
    out += flag & 1 << i ? c : c.toLowerCase();
  }
  return out;
}
function printChunks(d, numeric) {
  let out = "";
  switch (d.chunkMatchType) {
    case SCTP_CHUNK_MATCH_ANY:
      out += " any";
      break;
    case SCTP_CHUNK_MATCH_ALL:
      out += " all";
      break;
    case SCTP_CHUNK_MATCH_ONLY:
      out += " only";
      break;
    default:
      out += "Never reach here\n";
  }
  if (d.chunkmap.every((w) => w === 0)) return `${out} NONE`;
  if (d.chunkmap.every((w) => w >>> 0 === 4294967295)) return `${out} ALL`;
  let first = true;
  for (let i = 0; i < 256; i++) {
    if (!isSet(d.chunkmap, i)) continue;
    out += first ? " " : ",";
    first = false;
    if (numeric) out += `0x${i.toString(16).toUpperCase().padStart(4, "0")}`;
    else for (const [name, type] of CHUNKS) if (type === i) out += name;
    for (let j = 0; j < d.flagCount; j++) {
      const fi = d.flagInfo[j];
      if (fi.chunktype === i) out += flagText(i, fi.flag, fi.flagMask);
    }
  }
  return out;
}
var sctpMatch = defineMatch({
  name: "sctp",
  revision: 0,
  rawParse: true,
  options: [
    { name: "source-port", id: 1, type: 10 /* STRING */ },
    { name: "sport", id: 1, type: 10 /* STRING */ },
    { name: "destination-port", id: 2, type: 10 /* STRING */ },
    { name: "dport", id: 2, type: 10 /* STRING */ },
    { name: "chunk-types", id: 3, type: 10 /* STRING */ }
  ],
  init: () => ({
    spts: [0, 0],
    dpts: [0, 0],
    chunkmap: [0, 0, 0, 0, 0, 0, 0, 0],
    chunkMatchType: 0,
    flagInfo: Array.from({ length: XT_NUM_SCTP_FLAGS }, () => ({ chunktype: -1, flag: 0, flagMask: 0 })),
    flagCount: 0,
    flags: 0,
    invflags: 0
  }),
  parse: sctpParse,
  kernelCheck(d, ctx) {
    if (wrongProto(ctx.ip, IPPROTO_SCTP2)) return { errno: "EINVAL" };
    const bad = d.flagCount > XT_NUM_SCTP_FLAGS || d.flags & ~XT_SCTP_VALID_FLAGS || d.invflags & ~XT_SCTP_VALID_FLAGS || d.invflags & ~d.flags || d.flags & XT_SCTP_CHUNK_TYPES && !(d.chunkMatchType & (SCTP_CHUNK_MATCH_ALL | SCTP_CHUNK_MATCH_ANY | SCTP_CHUNK_MATCH_ONLY));
    return bad ? { errno: "EINVAL" } : void 0;
  },
  print(d, ctx) {
    let out = " sctp";
    if (d.flags & XT_SCTP_SRC_PORTS)
      out += printPortRange("spt", d.spts, (d.invflags & XT_SCTP_SRC_PORTS) !== 0, ctx.numeric, "sctp");
    if (d.flags & XT_SCTP_DEST_PORTS)
      out += printPortRange("dpt", d.dpts, (d.invflags & XT_SCTP_DEST_PORTS) !== 0, ctx.numeric, "sctp");
    if (d.flags & XT_SCTP_CHUNK_TYPES) {
      if (d.invflags & XT_SCTP_CHUNK_TYPES) out += " !";
      out += printChunks(d, ctx.numeric);
    }
    return out;
  },
  save(d) {
    let out = "";
    if (d.flags & XT_SCTP_SRC_PORTS) out += savePortRange("sport", d.spts, (d.invflags & XT_SCTP_SRC_PORTS) !== 0);
    if (d.flags & XT_SCTP_DEST_PORTS) out += savePortRange("dport", d.dpts, (d.invflags & XT_SCTP_DEST_PORTS) !== 0);
    if (d.flags & XT_SCTP_CHUNK_TYPES) {
      if (d.invflags & XT_SCTP_CHUNK_TYPES) out += " !";
      out += ` --chunk-types${printChunks(d, false)}`;
    }
    return out;
  },
  compareKey: (d) => dataKey(d),
  compile(d) {
    const [s0, s1] = d.spts;
    const [d0, d1] = d.dpts;
    const want = (bit) => (d.flags & bit) !== 0;
    const inv2 = (bit) => (d.invflags & bit) !== 0;
    const chkSrc = want(XT_SCTP_SRC_PORTS);
    const chkDst = want(XT_SCTP_DEST_PORTS);
    const chkChunks = want(XT_SCTP_CHUNK_TYPES);
    const invSrc = inv2(XT_SCTP_SRC_PORTS);
    const invDst = inv2(XT_SCTP_DEST_PORTS);
    const invChunks = inv2(XT_SCTP_CHUNK_TYPES);
    const map = Uint32Array.from(d.chunkmap, (w) => w >>> 0);
    const mtype = d.chunkMatchType;
    const nflags = Math.max(0, d.flagCount);
    const fType = d.flagInfo.slice(0, nflags).map((f) => f.chunktype & 255);
    const fMask = d.flagInfo.slice(0, nflags).map((f) => f.flagMask & 255);
    const fVal = d.flagInfo.slice(0, nflags).map((f) => f.flag & 255);
    const matchFlags = (type, flags) => {
      for (let i = 0; i < fType.length; i++) if (fType[i] === type) return (flags & fMask[i]) === fVal[i];
      return true;
    };
    const copy = new Uint32Array(8);
    const chunks = (p, ctx) => {
      const end = l4Avail(p);
      if (mtype === SCTP_CHUNK_MATCH_ALL) copy.set(map);
      let off = 12;
      do {
        const len = off + 4 <= end ? rawU16(p, off + 2) : 0;
        if (len === 0) {
          ctx.hotdrop = true;
          return false;
        }
        const type = rawByte(p, off);
        const flags = rawByte(p, off + 1);
        off += len + 3 & ~3;
        if (map[type >>> 5] >>> (type & 31) & 1) {
          if (mtype === SCTP_CHUNK_MATCH_ANY) {
            if (matchFlags(type, flags)) return true;
          } else if (mtype === SCTP_CHUNK_MATCH_ALL) {
            if (matchFlags(type, flags)) copy[type >>> 5] = copy[type >>> 5] & ~(1 << (type & 31));
          } else if (mtype === SCTP_CHUNK_MATCH_ONLY) {
            if (!matchFlags(type, flags)) return false;
          }
        } else if (mtype === SCTP_CHUNK_MATCH_ONLY) return false;
      } while (off < end);
      if (mtype === SCTP_CHUNK_MATCH_ALL) return copy.every((w) => w === 0);
      return mtype === SCTP_CHUNK_MATCH_ONLY;
    };
    return (p, ctx) => {
      if (fragOff(p) !== 0) return false;
      if (l4Avail(p) < 12) {
        ctx.hotdrop = true;
        return false;
      }
      if (chkSrc) {
        const sp = rawU16(p, 0);
        if ((sp >= s0 && sp <= s1) === invSrc) return false;
      }
      if (chkDst) {
        const dp = rawU16(p, 2);
        if ((dp >= d0 && dp <= d1) === invDst) return false;
      }
      return !chkChunks || chunks(p, ctx) !== invChunks;
    };
  },
  help: () => "sctp match options\n[!] --source-port port[:port]                          match source port(s)\n --sport ...\n[!] --destination-port port[:port]                     match destination port(s)\n --dport ...\n[!] --chunk-types (all|any|none) (chunktype[:flags])+	match if all, any or none of\n						        chunktypes are present\nchunktypes - DATA INIT INIT_ACK SACK HEARTBEAT HEARTBEAT_ACK ABORT SHUTDOWN SHUTDOWN_ACK ERROR COOKIE_ECHO COOKIE_ACK ECN_ECNE ECN_CWR SHUTDOWN_COMPLETE ASCONF ASCONF_ACK FORWARD_TSN ALL NONE\n"
});

// src/extensions/tcpmss.ts
function mssText(d) {
  return d.mssMin === d.mssMax ? String(d.mssMin) : `${d.mssMin}:${d.mssMax}`;
}
var tcpmssMatch = defineMatch({
  name: "tcpmss",
  revision: 0,
  options: [{ name: "mss", id: 0, type: 6 /* UINT16RC */, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ mssMin: 0, mssMax: 0, invert: 0 }),
  parse(cb) {
    const d = cb.data;
    d.mssMin = cb.val.range[0];
    d.mssMax = d.mssMin;
    if (cb.nvals === 2) {
      d.mssMax = cb.val.range[1];
      if (d.mssMax < d.mssMin) throw paramError("tcpmss: invalid range given");
    }
    if (cb.invert) d.invert = 1;
  },
  kernelCheck: protoCheck(6),
  compile(d) {
    const { mssMin, mssMax } = d;
    const inv2 = d.invert !== 0;
    return (p, ctx) => {
      const avail = l4Avail(p);
      const hl = avail < 20 ? 0 : tcpHdrLen(p);
      if (hl < 20 || avail < hl) {
        ctx.hotdrop = true;
        return false;
      }
      const optlen = hl - 20;
      for (let i = 0; i < optlen; ) {
        const kind = tcpOptByte(p, i);
        if (kind === 2 && optlen - i >= 4 && tcpOptByte(p, i + 1) === 4) {
          const mss = tcpOptByte(p, i + 2) << 8 | tcpOptByte(p, i + 3);
          return (mss >= mssMin && mss <= mssMax) !== inv2;
        }
        if (kind < 2) i++;
        else i += tcpOptByte(p, i + 1) || 1;
      }
      return inv2;
    };
  },
  print: (d) => ` tcpmss match ${d.invert ? "!" : ""}${mssText(d)}`,
  save: (d) => `${d.invert ? " !" : ""} --mss ${mssText(d)}`,
  help: () => "tcpmss match options:\n[!] --mss value[:value]	Match TCP MSS range.\n				(only valid for TCP SYN or SYN/ACK packets)\n"
});

// src/extensions/tos.ts
var TOS_SYMBOLS2 = [
  [16, "Minimize-Delay"],
  [8, "Maximize-Throughput"],
  [4, "Maximize-Reliability"],
  [2, "Minimize-Cost"],
  [0, "Normal-Service"]
];
function symbolic(value, mask) {
  if (mask !== 63) return void 0;
  return TOS_SYMBOLS2.find(([v]) => v === value)?.[1];
}
var tosMatch = defineMatch({
  name: "tos",
  revision: 1,
  options: [{ name: "tos", id: 1, type: 11 /* TOSMASK */, flags: XTOPT_INVERT | XTOPT_MAND, max: 63 }],
  init: () => ({ tosMask: 0, tosValue: 0, invert: 0 }),
  parse(cb) {
    cb.data.tosValue = cb.val.tosValue;
    cb.data.tosMask = cb.val.tosMask;
    if (cb.invert) cb.data.invert = 1;
  },
  compile(d) {
    const { tosMask, tosValue } = d;
    const inv2 = d.invert !== 0;
    return (p) => (p.tos & tosMask) === tosValue !== inv2;
  },
  print(d, ctx) {
    let out = " tos match";
    if (d.invert) out += "!";
    const sym = ctx.numeric ? void 0 : symbolic(d.tosValue, d.tosMask);
    return out + (sym !== void 0 ? ` ${sym}` : `0x${hex2(d.tosValue)}/0x${hex2(d.tosMask)}`);
  },
  save: (d) => `${d.invert ? " !" : ""} --tos 0x${hex2(d.tosValue)}/0x${hex2(d.tosMask)}`,
  help() {
    let out = "tos match options:\n[!] --tos value[/mask]    Match Type of Service/Priority field value\n[!] --tos symbol          Match TOS field (IPv4 only) by symbol\n                          Accepted symbolic names for value are:\n";
    for (const [v, name] of TOS_SYMBOLS2) out += `                          (0x${hex2(v)}) ${String(v).padStart(2)} ${name}
`;
    return `${out}
`;
  }
});

// src/extensions/ttl.ts
var IPT_TTL_EQ = 0;
var IPT_TTL_NE = 1;
var IPT_TTL_LT = 2;
var IPT_TTL_GT = 3;
var O_TTL_EQ = 0;
var O_TTL_LT = 1;
var O_TTL_GT = 2;
var F_ANY3 = 7;
var ttlMatch = defineMatch({
  name: "ttl",
  revision: 0,
  // Table order matters: "--ttl" shares the id of "--ttl-eq", whose entry (and invert flag) is found first.
  options: [
    { name: "ttl-lt", id: O_TTL_LT, excl: F_ANY3, type: 1 /* UINT8 */, flags: XTOPT_PUT, put: "ttl" },
    { name: "ttl-gt", id: O_TTL_GT, excl: F_ANY3, type: 1 /* UINT8 */, flags: XTOPT_PUT, put: "ttl" },
    { name: "ttl-eq", id: O_TTL_EQ, excl: F_ANY3, type: 1 /* UINT8 */, flags: XTOPT_INVERT | XTOPT_PUT, put: "ttl" },
    { name: "ttl", id: O_TTL_EQ, excl: F_ANY3, type: 1 /* UINT8 */, flags: XTOPT_PUT, put: "ttl" }
  ],
  init: () => ({ mode: 0, ttl: 0 }),
  parse(cb) {
    if (cb.entry.id === O_TTL_EQ) cb.data.mode = cb.invert ? IPT_TTL_NE : IPT_TTL_EQ;
    else cb.data.mode = cb.entry.id === O_TTL_LT ? IPT_TTL_LT : IPT_TTL_GT;
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_ANY3)) throw paramError("TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt");
  },
  kernelCheck: (d) => d.mode > IPT_TTL_GT ? { errno: "EINVAL" } : void 0,
  compile(d) {
    const v = d.ttl;
    switch (d.mode) {
      case IPT_TTL_EQ:
        return (p) => p.ttl === v;
      case IPT_TTL_NE:
        return (p) => p.ttl !== v;
      case IPT_TTL_LT:
        return (p) => p.ttl < v;
      case IPT_TTL_GT:
        return (p) => p.ttl > v;
      default:
        return () => false;
    }
  },
  print(d) {
    const op = ["TTL ==", "TTL !=", "TTL <", "TTL >"][d.mode] ?? "";
    return ` TTL match ${op} ${d.ttl}`;
  },
  save(d) {
    const opt = [" --ttl-eq", " ! --ttl-eq", " --ttl-lt", " --ttl-gt"][d.mode] ?? "";
    return `${opt} ${d.ttl}`;
  },
  help: () => "ttl match options:\n[!] --ttl-eq value	Match time to live value\n  --ttl-lt value	Match TTL < value\n  --ttl-gt value	Match TTL > value\n"
});

// src/extensions/nft-l4.ts
function portTest(field2, test) {
  if (field2 === "sport") return (p) => l4Avail(p) >= 2 && test(l4Port(p, 0));
  return (p) => l4Avail(p) >= 4 && test(l4Port(p, 1));
}
function exprFn(e) {
  switch (e.kind) {
    case "flags": {
      const { mask, cmp } = e;
      const eq = e.op === "eq";
      return (p) => l4Avail(p) >= 14 && (tcpFlagsByte(p) & mask) === cmp === eq;
    }
    case "both": {
      const { sport, dport } = e;
      const eq = e.op === "eq";
      return (p) => l4Avail(p) >= 4 && (l4Port(p, 0) === sport && l4Port(p, 1) === dport) === eq;
    }
    case "cmp": {
      const port2 = e.port;
      switch (e.op) {
        case "eq":
          return portTest(e.field, (v) => v === port2);
        case "neq":
          return portTest(e.field, (v) => v !== port2);
        case "lte":
          return portTest(e.field, (v) => v <= port2);
        default:
          return portTest(e.field, (v) => v > port2);
      }
    }
    case "range": {
      const { from, to } = e;
      const eq = e.op === "eq";
      return portTest(e.field, (v) => (v >= from && v <= to) === eq);
    }
  }
}
function compileNftL4(exprs) {
  const fns = exprs.map(exprFn);
  if (fns.length === 0) return () => true;
  if (fns.length === 1) return fns[0];
  if (fns.length === 2) {
    const [a, b] = fns;
    return (p, c) => a(p, c) && b(p, c);
  }
  return (p, c) => {
    for (let i = 0; i < fns.length; i++) if (!fns[i](p, c)) return false;
    return true;
  };
}

// src/extensions/udp.ts
var XT_UDP_INV_SRCPT = 1;
var XT_UDP_INV_DSTPT = 2;
var XT_UDP_INV_MASK = 3;
var IPPROTO_UDP3 = 17;
var O_SOURCE_PORT2 = 0;
var O_DEST_PORT2 = 1;
function fresh() {
  return { spts: [0, 65535], dpts: [0, 65535], invflags: 0 };
}
function allZero(d) {
  return d.spts[0] === 0 && d.spts[1] === 65535 && d.dpts[0] === 0 && d.dpts[1] === 65535 && d.invflags === 0;
}
function keptAsXt(d) {
  return d.invflags > XT_UDP_INV_MASK || allZero(d);
}
function exprsOf(d) {
  return portExprs(d.spts, (d.invflags & XT_UDP_INV_SRCPT) !== 0, d.dpts, (d.invflags & XT_UDP_INV_DSTPT) !== 0);
}
var udpMatch = defineMatch({
  name: "udp",
  revision: 0,
  options: [
    { name: "source-port", id: O_SOURCE_PORT2, type: 18 /* PORTRC */, flags: XTOPT_INVERT | XTOPT_PUT, put: "spts" },
    { name: "sport", id: O_SOURCE_PORT2, type: 18 /* PORTRC */, flags: XTOPT_INVERT | XTOPT_PUT, put: "spts" },
    { name: "destination-port", id: O_DEST_PORT2, type: 18 /* PORTRC */, flags: XTOPT_INVERT | XTOPT_PUT, put: "dpts" },
    { name: "dport", id: O_DEST_PORT2, type: 18 /* PORTRC */, flags: XTOPT_INVERT | XTOPT_PUT, put: "dpts" }
  ],
  init: fresh,
  parse(cb) {
    if (!cb.invert) return;
    if (cb.entry.id === O_SOURCE_PORT2) cb.data.invflags |= XT_UDP_INV_SRCPT;
    else cb.data.invflags |= XT_UDP_INV_DSTPT;
  },
  normalize(d, ip2) {
    if (keptAsXt(d)) return d;
    if (ip2.proto !== IPPROTO_UDP3) throw paramError("UDP match requires '-p udp'");
    const exprs = exprsOf(d);
    if (!exprs.length) return null;
    const out = applyPortExprs(fresh(), exprs, XT_UDP_INV_SRCPT, XT_UDP_INV_DSTPT);
    out.nft = d.nft ?? exprs;
    return out;
  },
  nftMerge(into, next, _ip) {
    if (keptAsXt(into) || keptAsXt(next)) return void 0;
    const out = applyPortExprs(into, exprsOf(next), XT_UDP_INV_SRCPT, XT_UDP_INV_DSTPT);
    out.nft = [...into.nft ?? exprsOf(into), ...exprsOf(next)];
    return out;
  },
  compile(d) {
    if (!keptAsXt(d)) return compileNftL4(d.nft ?? exprsOf(d));
    const [s0, s1] = d.spts;
    const [d0, d1] = d.dpts;
    const invS = (d.invflags & XT_UDP_INV_SRCPT) !== 0;
    const invD = (d.invflags & XT_UDP_INV_DSTPT) !== 0;
    return (p, ctx) => {
      if (fragOff(p) !== 0) return false;
      if (l4Avail(p) < 8) {
        ctx.hotdrop = true;
        return false;
      }
      const sp = l4Port(p, 0);
      const dp = l4Port(p, 1);
      return (sp >= s0 && sp <= s1) !== invS && (dp >= d0 && dp <= d1) !== invD;
    };
  },
  kernelCheck(d, ctx) {
    if (!keptAsXt(d)) return void 0;
    if (wrongProto(ctx.ip, IPPROTO_UDP3) || d.invflags & ~XT_UDP_INV_MASK) return { errno: "EINVAL" };
    return void 0;
  },
  print(d, ctx) {
    let out = " udp";
    out += printPortRange("spt", d.spts, (d.invflags & XT_UDP_INV_SRCPT) !== 0, ctx.numeric, "udp");
    out += printPortRange("dpt", d.dpts, (d.invflags & XT_UDP_INV_DSTPT) !== 0, ctx.numeric, "udp");
    if (d.invflags & ~XT_UDP_INV_MASK) out += ` Unknown invflags: 0x${(d.invflags & ~XT_UDP_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.spts[0] !== 0 || d.spts[1] !== 65535) out += savePortRange("sport", d.spts, (d.invflags & XT_UDP_INV_SRCPT) !== 0);
    if (d.dpts[0] !== 0 || d.dpts[1] !== 65535) out += savePortRange("dport", d.dpts, (d.invflags & XT_UDP_INV_DSTPT) !== 0);
    return out;
  },
  help: () => "udp match options:\n[!] --source-port port[:port]\n --sport ...\n				match source port(s)\n[!] --destination-port port[:port]\n --dport ...\n				match destination port(s)\n"
});

// src/extensions/groups/l4.ts
var matches2 = [
  udpMatch,
  icmpMatch,
  multiportMatch,
  sctpMatch,
  dccpMatch,
  ahMatch,
  espMatch,
  ipcompMatch,
  tcpmssMatch,
  ecnMatch,
  lengthMatch,
  ttlMatch,
  tosMatch,
  dscpMatch,
  pkttypeMatch,
  realmMatch
];
var targets2 = [];

// src/extensions/groups/misc1.ts
var misc1_exports = {};
__export(misc1_exports, {
  matches: () => matches3,
  targets: () => targets3
});

// src/extensions/misc1-util.ts
var U32 = 0xffffffffn;
var U64 = 0xffffffffffffffffn;
function cIsSpace(c) {
  return c === " " || c === "	" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}
function cStrtol(s) {
  let i = 0;
  while (i < s.length && cIsSpace(s[i])) i++;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") {
    neg = s[i] === "-";
    i++;
  }
  let v = 0n;
  let any = false;
  while (i < s.length && s[i] >= "0" && s[i] <= "9") {
    v = v * 10n + BigInt(s.charCodeAt(i) - 48);
    if (v > 1n << 64n) v = 1n << 64n;
    any = true;
    i++;
  }
  if (!any) return 0n;
  if (neg) return -v < -(1n << 63n) ? -(1n << 63n) : -v;
  return v > (1n << 63n) - 1n ? (1n << 63n) - 1n : v;
}
function cAtoi(s) {
  return Number(BigInt.asIntN(32, cStrtol(s)));
}
function cAtoll(s) {
  return cStrtol(s);
}
function cStrtoul2(s, start, base) {
  const r = cStrtoumax(s, start, base);
  return { value: r.big, end: r.end };
}
function u322(v) {
  return Number(v & U32);
}
function u64(v) {
  return v & U64;
}
function asInt32(n) {
  return n | 0;
}
function cStrtodPrefix(s) {
  let i = 0;
  while (i < s.length && cIsSpace(s[i])) i++;
  let sign = 1;
  if (s[i] === "+" || s[i] === "-") {
    if (s[i] === "-") sign = -1;
    i++;
  }
  const rest = s.slice(i);
  const lower = rest.toLowerCase();
  if (lower.startsWith("infinity")) return { value: sign * Infinity, end: i + 8 };
  if (lower.startsWith("inf")) return { value: sign * Infinity, end: i + 3 };
  if (lower.startsWith("nan")) {
    let end = i + 3;
    const m = /^\([0-9A-Za-z_]*\)/.exec(rest.slice(3));
    if (m) end += m[0].length;
    return { value: Number.NaN, end };
  }
  const hex7 = /^0[xX](?=[0-9a-fA-F]|\.[0-9a-fA-F])([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?/.exec(rest);
  if (hex7) {
    const intPart = hex7[1] ?? "";
    const frac = hex7[2] ?? "";
    let v = 0;
    for (const c of intPart + frac) v = v * 16 + Number.parseInt(c, 16);
    v /= 16 ** frac.length;
    if (hex7[3] !== void 0) v *= 2 ** Number(hex7[3]);
    return { value: sign * v, end: i + hex7[0].length };
  }
  const dec = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
  if (!dec) return { value: 0, end: 0 };
  return { value: sign * Number(dec[0]), end: i + dec[0].length };
}
function doubleToU32(x) {
  if (Number.isNaN(x) || Math.abs(x) >= 2 ** 63) return 0;
  return u322(BigInt(Math.trunc(x)));
}
function cLround(x) {
  const f = Math.floor(x);
  return x - f >= 0.5 ? f + 1 : f;
}
function formatFixedRational(num, den, digits) {
  const neg = num < 0n;
  const n = neg ? -num : num;
  const scale = 10n ** BigInt(digits);
  const scaled = n * scale;
  let q = scaled / den;
  const r = scaled % den;
  if (r * 2n > den || r * 2n === den && q % 2n === 1n) q++;
  let s = q.toString();
  if (digits > 0) {
    s = s.padStart(digits + 1, "0");
    s = `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  }
  return (neg ? "-" : "") + s;
}
function formatDouble0(x) {
  const f = Math.floor(x);
  const d = x - f;
  let v = f;
  if (d > 0.5 || d === 0.5 && f % 2 !== 0) v = f + 1;
  return Object.is(v, -0) ? "-0" : v.toFixed(0);
}
function utf8Bytes(s) {
  return Array.from(new TextEncoder().encode(s));
}
function byteString(s) {
  return String.fromCharCode(...utf8Bytes(s));
}
function isCasePrefix(a, b) {
  if (a.length > b.length) return false;
  return a.toLowerCase() === b.slice(0, a.length).toLowerCase();
}
function procNameOk(name) {
  return name !== "" && name !== "." && name !== ".." && !name.includes("/");
}

// src/extensions/bpf.ts
var MODE_BYTECODE = 0;
var MAX_INSTR = 64;
var O_BCODE_STDIN = 0;
var O_OBJ_PINNED = 1;
function scanNumber2(s, pos, bits) {
  let p = pos;
  while (cIsSpace(s[p])) p++;
  const r = cStrtoul2(s, p, 10);
  if (r.end === p) return void 0;
  const v = bits === 32 ? u322(r.value) : Number(r.value & (1n << BigInt(bits)) - 1n);
  return { value: v, end: r.end };
}
function scanInsn(s, pos) {
  const out = [];
  let p = pos;
  for (const bits of [16, 8, 8, 32]) {
    const r = scanNumber2(s, p, bits);
    if (!r) return void 0;
    out.push(r.value);
    p = r.end;
  }
  return out;
}
function parseProgram(prog) {
  const head = scanNumber2(prog, 0, 16);
  if (!head || prog[head.end] !== ",") throw paramError("bpf: error parsing program length");
  const len = head.value;
  if (!len) throw paramError("bpf: illegal zero length program");
  if (len > MAX_INSTR) throw paramError("bpf: number of instructions exceeds maximum");
  const out = [];
  let token = 0;
  for (; ; ) {
    const comma = prog.indexOf(",", token);
    if (comma < 0) break;
    token = comma + 1;
    if (token >= prog.length) break;
    if (out.length >= len) throw paramError("bpf: real program length exceeds the encoded length parameter");
    const insn = scanInsn(prog, token);
    if (!insn) throw paramError(`bpf: error at instr ${out.length}`);
    out.push(insn);
  }
  if (out.length !== len) throw paramError("bpf: parsed program length is less than the encoded length parameter");
  return out;
}
var BPF_LD = 0;
var BPF_LDX = 1;
var BPF_ST = 2;
var BPF_STX = 3;
var BPF_ALU = 4;
var BPF_JMP = 5;
var BPF_RET = 6;
var BPF_MISC = 7;
var BPF_W = 0;
var BPF_H = 8;
var BPF_B = 16;
var BPF_IMM = 0;
var BPF_ABS = 32;
var BPF_IND = 64;
var BPF_MEM = 96;
var BPF_LEN = 128;
var BPF_MSH = 160;
var BPF_K = 0;
var BPF_X = 8;
var BPF_A = 16;
var BPF_JA = 0;
var BPF_JEQ = 16;
var BPF_JGT = 32;
var BPF_JGE = 48;
var BPF_JSET = 64;
var BPF_TAX = 0;
var BPF_TXA = 128;
var BPF_MEMWORDS = 16;
var SKF_AD_OFF = 4294963200;
var SKF_AD_MAX = 64;
var ALU_OPS = [0, 16, 32, 48, 144, 80, 64, 160, 96, 112];
var ALLOWED = /* @__PURE__ */ new Set([
  ...ALU_OPS.flatMap((op) => [BPF_ALU | op | BPF_K, BPF_ALU | op | BPF_X]),
  BPF_ALU | 128,
  // neg
  BPF_LD | BPF_W | BPF_ABS,
  BPF_LD | BPF_H | BPF_ABS,
  BPF_LD | BPF_B | BPF_ABS,
  BPF_LD | BPF_W | BPF_LEN,
  BPF_LD | BPF_W | BPF_IND,
  BPF_LD | BPF_H | BPF_IND,
  BPF_LD | BPF_B | BPF_IND,
  BPF_LD | BPF_IMM,
  BPF_LD | BPF_MEM,
  BPF_LDX | BPF_W | BPF_LEN,
  BPF_LDX | BPF_B | BPF_MSH,
  BPF_LDX | BPF_IMM,
  BPF_LDX | BPF_MEM,
  BPF_ST,
  BPF_STX,
  BPF_MISC | BPF_TAX,
  BPF_MISC | BPF_TXA,
  BPF_RET | BPF_K,
  BPF_RET | BPF_A,
  BPF_JMP | BPF_JA,
  ...[BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JSET].flatMap((op) => [BPF_JMP | op | BPF_K, BPF_JMP | op | BPF_X])
]);
var COND_JUMPS = new Set(
  [BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JSET].flatMap((op) => [BPF_JMP | op | BPF_K, BPF_JMP | op | BPF_X])
);
function loadsAfterStores(prog) {
  const masks = new Array(prog.length).fill(65535);
  let memvalid = 0;
  for (let pc = 0; pc < prog.length; pc++) {
    memvalid &= masks[pc];
    const [code2, jt, jf, k] = prog[pc];
    if (code2 === BPF_ST || code2 === BPF_STX) memvalid |= 1 << k;
    else if (code2 === (BPF_LD | BPF_MEM) || code2 === (BPF_LDX | BPF_MEM)) {
      if (!(memvalid & 1 << k)) return false;
    } else if (code2 === (BPF_JMP | BPF_JA)) {
      masks[pc + 1 + k] = masks[pc + 1 + k] & memvalid;
      memvalid = 65535;
    } else if (COND_JUMPS.has(code2)) {
      masks[pc + 1 + jt] = masks[pc + 1 + jt] & memvalid;
      masks[pc + 1 + jf] = masks[pc + 1 + jf] & memvalid;
      memvalid = 65535;
    }
  }
  return true;
}
function classicOk(prog) {
  const flen = prog.length;
  if (flen === 0 || flen > MAX_INSTR) return false;
  for (let pc = 0; pc < flen; pc++) {
    const [code2, jt, jf, k] = prog[pc];
    if (!ALLOWED.has(code2)) return false;
    switch (code2) {
      case BPF_ALU | 48 | BPF_K:
      // div
      case BPF_ALU | 144 | BPF_K:
        if (k === 0) return false;
        break;
      case BPF_ALU | 96 | BPF_K:
      // lsh
      case BPF_ALU | 112 | BPF_K:
        if (k >= 32) return false;
        break;
      case BPF_LD | BPF_MEM:
      case BPF_LDX | BPF_MEM:
      case BPF_ST:
      case BPF_STX:
        if (k >= BPF_MEMWORDS) return false;
        break;
      case BPF_JMP | BPF_JA:
        if (k >= flen - pc - 1) return false;
        break;
      case BPF_LD | BPF_W | BPF_ABS:
      case BPF_LD | BPF_H | BPF_ABS:
      case BPF_LD | BPF_B | BPF_ABS: {
        const anc = k >= SKF_AD_OFF && k - SKF_AD_OFF < SKF_AD_MAX && (k - SKF_AD_OFF) % 4 === 0;
        if (!anc && k >= SKF_AD_OFF) return false;
        break;
      }
      default:
        if (COND_JUMPS.has(code2) && (pc + jt + 1 >= flen || pc + jf + 1 >= flen)) return false;
    }
  }
  const last = prog[flen - 1][0];
  if (last !== (BPF_RET | BPF_K) && last !== (BPF_RET | BPF_A)) return false;
  return loadsAfterStores(prog);
}
var SKF_NET_OFF = -1048576;
var SKF_LL_OFF = -2097152;
var SKF_AD_OFF_S = -4096;
var AD_PROTOCOL = 0;
var AD_PKTTYPE = 4;
var AD_IFINDEX = 8;
var AD_MARK = 20;
var AD_HATYPE = 28;
var AD_ALU_XOR_X = 40;
var AD_PAY_OFFSET = 52;
var AD_RANDOM = 56;
function load(skb, off, size) {
  let buf;
  let o;
  if (off >= 0) {
    buf = skb.data;
    o = off;
  } else if (off >= SKF_NET_OFF) {
    buf = skb.data;
    o = off - SKF_NET_OFF;
  } else if (off >= SKF_LL_OFF) {
    if (!skb.p.hasMac || skb.p.inDev === "") return void 0;
    skb.frame ??= frameBytes(skb.p);
    buf = skb.frame;
    o = off - SKF_LL_OFF;
  } else return void 0;
  if (o + size > buf.length) return void 0;
  if (size === 1) return buf[o];
  if (size === 2) return buf[o] << 8 | buf[o + 1];
  return (buf[o] << 24 | buf[o + 1] << 16 | buf[o + 2] << 8 | buf[o + 3]) >>> 0;
}
function payloadOffset(p) {
  if (p.isFragment()) return p.ihl;
  switch (p.proto) {
    case 6:
      return p.ihl + p.l4HeaderLen;
    case 17:
    case 136:
      return p.ihl + 8;
    case 1:
      return p.ihl + 8;
    default:
      return p.ihl;
  }
}
function ancillary(k, skb, a, x, ctx) {
  switch (k) {
    case AD_PROTOCOL:
      return 2048;
    case AD_PKTTYPE:
      return skb.p.pktType;
    case AD_IFINDEX:
      return 0;
    case AD_MARK:
      return skb.p.mark >>> 0;
    case AD_HATYPE:
      return skb.p.inDev === "lo" ? 772 : 1;
    case AD_ALU_XOR_X:
      return (a ^ x) >>> 0;
    case AD_PAY_OFFSET:
      return payloadOffset(skb.p);
    case AD_RANDOM:
      return ctx.random32() >>> 0;
    default:
      return 0;
  }
}
function runClassic(prog, p, ctx) {
  const skb = { p, data: ipBytes(p), frame: null };
  const mem = new Uint32Array(BPF_MEMWORDS);
  let a = 0;
  let x = 0;
  for (let pc = 0; pc < prog.length; pc++) {
    const [code2, jt, jf, kRaw] = prog[pc];
    const k = kRaw >>> 0;
    const cls = code2 & 7;
    switch (cls) {
      case BPF_LD:
      case BPF_LDX: {
        const mode = code2 & 224;
        const size = code2 & 24;
        const bytes = size === BPF_W ? 4 : size === BPF_H ? 2 : 1;
        let v;
        if (mode === BPF_IMM) v = k;
        else if (mode === BPF_MEM) v = mem[k & 15];
        else if (mode === BPF_LEN) v = skb.data.length;
        else if (mode === BPF_MSH) {
          const b = load(skb, k | 0, 1);
          if (b === void 0) return 0;
          v = (b & 15) << 2;
        } else {
          const off = mode === BPF_ABS ? k | 0 : x + k | 0;
          if (mode === BPF_ABS && off >= SKF_AD_OFF_S && off < SKF_AD_OFF_S + SKF_AD_MAX) {
            v = ancillary(off - SKF_AD_OFF_S, skb, a, x, ctx);
          } else {
            v = load(skb, off, bytes);
            if (v === void 0) return 0;
          }
        }
        if (cls === BPF_LD) a = v >>> 0;
        else x = v >>> 0;
        break;
      }
      case BPF_ST:
        mem[k & 15] = a;
        break;
      case BPF_STX:
        mem[k & 15] = x;
        break;
      case BPF_ALU: {
        const op = code2 & 240;
        const src = code2 & BPF_X ? x : k;
        switch (op) {
          case 0:
            a = a + src >>> 0;
            break;
          case 16:
            a = a - src >>> 0;
            break;
          case 32:
            a = Math.imul(a, src) >>> 0;
            break;
          case 48:
            if (src === 0) return 0;
            a = Math.floor(a / src) >>> 0;
            break;
          case 144:
            if (src === 0) return 0;
            a = a % src >>> 0;
            break;
          case 80:
            a = (a & src) >>> 0;
            break;
          case 64:
            a = (a | src) >>> 0;
            break;
          case 160:
            a = (a ^ src) >>> 0;
            break;
          case 96:
            a = a << (src & 31) >>> 0;
            break;
          case 112:
            a = a >>> (src & 31);
            break;
          case 128:
            a = -a >>> 0;
            break;
        }
        break;
      }
      case BPF_JMP: {
        const op = code2 & 240;
        if (op === BPF_JA) {
          pc += k;
          break;
        }
        const src = code2 & BPF_X ? x : k;
        let cond;
        if (op === BPF_JEQ) cond = a === src;
        else if (op === BPF_JGT) cond = a > src;
        else if (op === BPF_JGE) cond = a >= src;
        else cond = (a & src) !== 0;
        pc += cond ? jt : jf;
        break;
      }
      case BPF_RET:
        return (code2 & 24) === BPF_A ? a : k;
      case BPF_MISC:
        if ((code2 & 248) === BPF_TXA) a = x;
        else x = a;
        break;
    }
  }
  return 0;
}
function code(prog) {
  return prog.map(([c, jt, jf, k]) => `${c} ${jt} ${jf} ${k}`).join(",");
}
var bpfMatch = defineMatch({
  name: "bpf",
  revision: 1,
  options: [
    { name: "bytecode", id: O_BCODE_STDIN, type: 10 /* STRING */ },
    { name: "object-pinned", id: O_OBJ_PINNED, type: 10 /* STRING */, flags: XTOPT_PUT, put: "path" }
  ],
  init: () => ({ mode: MODE_BYTECODE, program: [], path: "" }),
  parse(cb) {
    if (cb.entry.id === O_BCODE_STDIN) {
      cb.data.program = parseProgram(cb.arg);
      cb.data.mode = MODE_BYTECODE;
    } else {
      throw paramError("bpf: failed to get bpf object");
    }
  },
  finalCheck(cb) {
    const flags = cb.xflags & (1 << O_BCODE_STDIN | 1 << O_OBJ_PINNED);
    if (flags !== 1 << O_BCODE_STDIN && flags !== 1 << O_OBJ_PINNED)
      throw paramError("bpf: one of --bytecode or --pinned is required");
  },
  // printed without a leading space, and the last instruction ends in a NUL byte
  print: (d) => `match bpf ${code(d.program)}\0`,
  save: (d) => ` --bytecode "${d.program.length},${code(d.program)}"`,
  compile(d) {
    const prog = d.program.map((i) => [...i]);
    return (p, ctx) => runClassic(prog, p, ctx) !== 0;
  },
  // checkentry runs at insertion only, not when a jump reaches the chain
  kernelCheck: (d, ctx) => !ctx.checkentry || classicOk(d.program) ? void 0 : { errno: "EINVAL" },
  help: () => "bpf match options:\n--bytecode <program>	        : a bpf program as generated by\n                                 $(nfbpf_compile RAW '<filter>')\n--object-pinned <bpf object>	: a path to a pinned BPF object in bpf fs\n"
});

// src/extensions/cpu.ts
var cpuMatch = defineMatch({
  name: "cpu",
  revision: 0,
  options: [{ name: "cpu", id: 0, type: 3 /* UINT32 */, flags: XTOPT_INVERT | XTOPT_MAND | XTOPT_PUT, put: "cpu" }],
  init: () => ({ cpu: 0, invert: 0 }),
  parse(cb) {
    if (cb.invert) cb.data.invert = 1;
  },
  // cpu_mt(): the twin runs every packet on CPU 0
  compile: (d) => {
    const r = d.cpu >>> 0 === 0 !== (d.invert !== 0);
    return () => r;
  },
  print: (d) => ` cpu ${d.invert ? "! " : ""}${d.cpu}`,
  save: (d) => `${d.invert ? " !" : ""} --cpu ${d.cpu}`,
  help: () => "cpu match options:\n[!] --cpu number   Match CPU number\n"
});

// src/extensions/stateful-util.ts
var HZ = 250;
var JIFFIES_BASE = -300 * HZ >>> 0;
var NS_PER_JIFFY = 1e9 / HZ;
function jiffiesAt(nowNs) {
  return JIFFIES_BASE + Math.floor(nowNs / NS_PER_JIFFY);
}
function msecsToJiffies(m) {
  if ((m | 0) < 0) return 2 ** 62 - 1;
  return Math.floor((m + 3) / 4);
}
function wallSeconds(ctx) {
  return ctx.wallSeconds ?? Math.floor(ctx.nowNs / 1e9);
}
var RULE_STATE = "xt:rule-state";
function ruleState(ctx, key, init) {
  let m = ctx.shared.get(RULE_STATE);
  if (!m) {
    m = /* @__PURE__ */ new WeakMap();
    ctx.shared.set(RULE_STATE, m);
  }
  let s = m.get(key);
  if (s === void 0) {
    s = init();
    m.set(key, s);
  }
  return s;
}
function ruleStateCache(key, init) {
  let shared = null;
  let st;
  return (ctx) => {
    if (ctx.shared !== shared) {
      shared = ctx.shared;
      st = ruleState(ctx, key, () => init(ctx));
    }
    return st;
  };
}
function namedObject(ctx, kind, name, create) {
  const key = `xt:${kind}`;
  let m = ctx.shared.get(key);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    ctx.shared.set(key, m);
  }
  let o = m.get(name);
  if (o === void 0) {
    o = create();
    m.set(name, o);
  }
  return o;
}
function findNamedObject(ctx, kind, name) {
  return ctx.shared.get(`xt:${kind}`)?.get(name);
}
function rol323(x, k) {
  return (x << k | x >>> 32 - k) >>> 0;
}
function jhash3words(a0, b0, c0, initval) {
  const iv = initval + 3735928559 + 12 >>> 0;
  let a = a0 + iv >>> 0;
  let b = b0 + iv >>> 0;
  let c = c0 + iv >>> 0;
  c = (c ^ b) - rol323(b, 14) >>> 0;
  a = (a ^ c) - rol323(c, 11) >>> 0;
  b = (b ^ a) - rol323(a, 25) >>> 0;
  c = (c ^ b) - rol323(b, 16) >>> 0;
  a = (a ^ c) - rol323(c, 4) >>> 0;
  b = (b ^ a) - rol323(a, 14) >>> 0;
  c = (c ^ b) - rol323(b, 24) >>> 0;
  return c;
}
function reciprocalScale2(val, epRo) {
  return Number(BigInt(val >>> 0) * BigInt(epRo >>> 0) >> 32n);
}
function kIsLower(c) {
  return c >= 97 && c <= 122 || c >= 223 && c <= 246 || c >= 248 && c <= 255;
}
function kIsUpper(c) {
  return c >= 65 && c <= 90 || c >= 192 && c <= 214 || c >= 216 && c <= 222;
}
var K_TOUPPER = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = kIsLower(c) ? c - 32 : c;
  return t;
})();
var K_TOLOWER = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = kIsUpper(c) ? c + 32 : c;
  return t;
})();

// src/extensions/hashlimit.ts
var HASH_DIP = 1 << 0;
var HASH_DPT = 1 << 1;
var HASH_SIP = 1 << 2;
var HASH_SPT = 1 << 3;
var INVERT = 1 << 4;
var BYTES = 1 << 5;
var RATE_MATCH = 1 << 6;
var HASH_ANY = HASH_DIP | HASH_DPT | HASH_SIP | HASH_SPT;
var BURST_DEFAULT = 5;
var BURST_MAX = 1000000n;
var BYTE_EXPIRE = 15;
var BYTE_EXPIRE_BURST = 60;
var GCINTERVAL = 1e3;
var SCALE = 1000000n;
var BYTE_SHIFT = 4n;
var UINT32_MAX = 0xffffffffn;
var UINT64_MAX3 = 0xffffffffffffffffn;
var NAME_SIZE = 255;
var HZ2 = 250n;
var CREDITS_PER_JIFFY = pow2Below(UINT64_MAX3 / (HZ2 * 60n * 60n * 24n));
var CREDITS_PER_JIFFY_BYTES = pow2Below(UINT32_MAX / HZ2);
var O_UPTO2 = 0;
var O_ABOVE2 = 1;
var O_MODE = 3;
var O_SRCMASK = 4;
var O_DSTMASK = 5;
var O_NAME = 6;
var O_BURST = 7;
var O_HTABLE_SIZE = 8;
var O_HTABLE_MAX = 9;
var O_HTABLE_GCINT = 10;
var O_HTABLE_EXPIRE = 11;
var O_RATEMATCH = 12;
var O_INTERVAL = 13;
var F_UPTO = 1 << O_UPTO2;
var F_ABOVE = 1 << O_ABOVE2;
var F_BURST = 1 << O_BURST;
var F_HTABLE_EXPIRE = 1 << O_HTABLE_EXPIRE;
var F_RATEMATCH = 1 << O_RATEMATCH;
function pow2Below(x) {
  let p = 1n;
  while (p * 2n <= x) p *= 2n;
  return p;
}
function costToBytes(cost) {
  const r = cost ? UINT32_MAX / cost : UINT32_MAX;
  return u64(r - 1n << BYTE_SHIFT);
}
function divisionByZero() {
  throw rawError(136, "Floating point exception\n");
}
function bytesToCost(bytes) {
  const r = bytes >> BYTE_SHIFT & UINT32_MAX;
  const d = r + 1n & UINT32_MAX;
  if (d === 0n) divisionByZero();
  return UINT32_MAX / d;
}
function factorOf(c) {
  if (c === "m") return 1024n * 1024n;
  if (c === "k") return 1024n;
  return 1n;
}
function burstError() {
  throw paramError(`bad value for option "--hashlimit-burst", or out of range (1-${BURST_MAX}).`);
}
function parseBurst(arg) {
  const r = xtStrtoul(arg, 1, UINT64_MAX3);
  if (!r.ok || r.end === arg.length && r.big > BURST_MAX) burstError();
  return u64(r.big * factorOf(arg[r.end]));
}
function parseBytes(rate, ud) {
  const at = rate.indexOf("b/s");
  if (at <= 0) return void 0;
  const r = u64(cAtoll(rate));
  if (r === 0n) return void 0;
  const bytes = u64(r * factorOf(rate[at - 1]));
  const cost = bytesToCost(bytes);
  if (cost === 0n) throw paramError(`Rate too high "${rate}"`);
  ud.mult = BYTE_EXPIRE;
  return cost;
}
function parseRate(rate, ud) {
  ud.mult = 1;
  const slash = rate.indexOf("/");
  if (slash >= 0) {
    const unit = rate.slice(slash + 1);
    if (unit.length === 0) return void 0;
    if (isCasePrefix(unit, "second")) ud.mult = 1;
    else if (isCasePrefix(unit, "minute")) ud.mult = 60;
    else if (isCasePrefix(unit, "hour")) ud.mult = 60 * 60;
    else if (isCasePrefix(unit, "day")) ud.mult = 24 * 60 * 60;
    else return void 0;
  }
  const r = u64(cAtoll(rate));
  if (!r) return void 0;
  const tmp = SCALE * BigInt(ud.mult) / r;
  if (tmp === 0n) throw paramError(`Rate too fast "${rate}"`);
  return tmp;
}
function parseMode(arg) {
  let mode = 0;
  for (const tok of arg.split(/[,|]/)) {
    if (tok === "") continue;
    if (tok === "dstip") mode |= HASH_DIP;
    else if (tok === "srcip") mode |= HASH_SIP;
    else if (tok === "srcport") mode |= HASH_SPT;
    else if (tok === "dstport") mode |= HASH_DPT;
    else return void 0;
  }
  return mode;
}
function badValue(opt, arg) {
  throw paramError(`hashlimit: Bad value for "${opt}" option: "${arg}"`);
}
function parseLimit(cb, opt) {
  const d = cb.data;
  const cost = parseBytes(cb.arg, cb.udata);
  if (cost !== void 0) {
    d.avg = cost;
    d.mode |= BYTES;
    return;
  }
  const avg = parseRate(cb.arg, cb.udata);
  if (avg === void 0) badValue(opt, cb.arg);
  d.avg = avg;
}
var RATES = [
  ["day", SCALE * 24n * 60n * 60n],
  ["hour", SCALE * 60n * 60n],
  ["min", SCALE * 60n],
  ["sec", SCALE]
];
function printRate(period) {
  if (period === 0n) return [" inf", 0];
  let i = 1;
  for (; i < RATES.length; i++) {
    const mult2 = RATES[i][1];
    if (period > mult2 || mult2 / period < mult2 % period) break;
  }
  const [name, mult] = RATES[i - 1];
  return [` ${mult / period}/${name}`, Number(mult / SCALE * 1000n)];
}
var UNITS2 = [
  ["m", 1024n * 1024n],
  ["k", 1024n],
  ["", 1n]
];
function printBytes(avg, burst, prefix) {
  let r = costToBytes(avg);
  let i = 0;
  for (; i < UNITS2.length - 1; i++) {
    const thresh = UNITS2[i][1];
    if (r >= thresh && bytesToCost(r & (~(thresh - 1n) & UINT32_MAX)) === avg) break;
  }
  let out = ` ${r / UNITS2[i][1]}${UNITS2[i][0]}b/s`;
  if (burst === 0n) return [out, BYTE_EXPIRE * 1e3];
  r = u64(r * burst);
  out += ` ${prefix}`;
  for (i = 0; i < UNITS2.length - 1; i++) if (r >= UNITS2[i][1]) break;
  out += `burst ${r / UNITS2[i][1]}${UNITS2[i][0]}b`;
  return [out, BYTE_EXPIRE_BURST * 1e3];
}
function printMode(mode, sep) {
  const parts = [];
  if (mode & HASH_SIP) parts.push("srcip");
  if (mode & HASH_SPT) parts.push("srcport");
  if (mode & HASH_DIP) parts.push("dstip");
  if (mode & HASH_DPT) parts.push("dstport");
  return ` ${parts.join(sep)}`;
}
function printText(d) {
  let out = d.mode & INVERT ? " limit: above" : " limit: up to";
  let quantum;
  if (d.mode & BYTES) {
    const [t, q] = printBytes(d.avg, d.burst, "");
    out += t;
    quantum = q;
  } else {
    let period = d.avg;
    if (d.interval !== 0) period = u64(period * BigInt(d.interval));
    const [t, q] = printRate(period);
    out += `${t} burst ${d.burst}`;
    quantum = q;
  }
  if (d.mode & HASH_ANY) out += ` mode${printMode(d.mode, "-")}`;
  if (d.size !== 0) out += ` htable-size ${d.size}`;
  if (d.max !== 0) out += ` htable-max ${d.max}`;
  if (d.gcInterval !== GCINTERVAL) out += ` htable-gcinterval ${d.gcInterval}`;
  if (d.expire !== quantum) out += ` htable-expire ${d.expire}`;
  if (d.srcmask !== 32) out += ` srcmask ${d.srcmask}`;
  if (d.dstmask !== 32) out += ` dstmask ${d.dstmask}`;
  if (d.mode & RATE_MATCH) {
    out += " rate-match";
    if (d.interval !== 1) out += ` rate-interval ${d.interval}`;
  }
  return out;
}
function saveText2(d) {
  let out = d.mode & INVERT ? " --hashlimit-above" : " --hashlimit-upto";
  let quantum;
  if (d.mode & BYTES) {
    const [t, q] = printBytes(d.avg, d.burst, "--hashlimit-");
    out += t;
    quantum = q;
  } else {
    const [t, q] = printRate(d.avg);
    out += `${t} --hashlimit-burst ${d.burst}`;
    quantum = q;
  }
  if (d.mode & HASH_ANY) out += ` --hashlimit-mode${printMode(d.mode, ",")}`;
  out += ` --hashlimit-name ${d.name}`;
  if (d.size !== 0) out += ` --hashlimit-htable-size ${d.size}`;
  if (d.max !== 0) out += ` --hashlimit-htable-max ${d.max}`;
  if (d.gcInterval !== GCINTERVAL) out += ` --hashlimit-htable-gcinterval ${d.gcInterval}`;
  if (d.expire !== quantum) out += ` --hashlimit-htable-expire ${d.expire}`;
  if (d.srcmask !== 32) out += ` --hashlimit-srcmask ${d.srcmask}`;
  if (d.dstmask !== 32) out += ` --hashlimit-dstmask ${d.dstmask}`;
  if (d.mode & RATE_MATCH) {
    out += " --hashlimit-rate-match";
    if (d.interval !== 1) out += ` --hashlimit-rate-interval ${d.interval}`;
  }
  return out;
}
function user2credits(user) {
  const hzCpj = HZ2 * CREDITS_PER_JIFFY;
  if (SCALE >= hzCpj) return user / (SCALE / hzCpj);
  return u64(user * (hzCpj / SCALE));
}
function user2creditsByte(user) {
  return (user & UINT32_MAX) * HZ2 * CREDITS_PER_JIFFY_BYTES >> 32n;
}
var DEFAULT_HTABLE_SIZE = 8192;
var CPJB_HZ = CREDITS_PER_JIFFY_BYTES * HZ2;
function maskl(a, l) {
  return l ? (a & 4294967295 << 32 - l) >>> 0 : 0;
}
function portsOffset(proto2) {
  switch (proto2) {
    case 6:
    case 17:
    case 33:
    case 50:
    case 132:
    case 136:
      return 0;
    case 51:
      return 4;
    default:
      return -1;
  }
}
function createTable(d, now) {
  const size = d.size >>> 0 || DEFAULT_HTABLE_SIZE;
  let max = d.max >>> 0;
  if (max === 0) max = 8 * size;
  else if (max < size) max = size;
  const gcJiffies = msecsToJiffies(d.gcInterval >>> 0);
  return { cfg: d, max, buckets: /* @__PURE__ */ new Map(), count: 0, nextGc: now + gcJiffies, gcJiffies: Math.max(1, gcJiffies) };
}
function runGc(ht, now) {
  while (ht.nextGc <= now) {
    const at = ht.nextGc;
    let minExp = Number.POSITIVE_INFINITY;
    for (const [src, bySrc] of ht.buckets) {
      for (const [dst, byDst] of bySrc) {
        for (const [ports, ent] of byDst) {
          if (at >= ent.expires) {
            byDst.delete(ports);
            ht.count--;
          } else if (ent.expires < minExp) minExp = ent.expires;
        }
        if (byDst.size === 0) bySrc.delete(dst);
      }
      if (bySrc.size === 0) ht.buckets.delete(src);
    }
    const target = Math.min(minExp, now + 1);
    ht.nextGc += Math.max(1, Math.ceil((target - at) / ht.gcJiffies)) * ht.gcJiffies;
  }
}
function rateinfoInit(cfg, now) {
  const e = {
    expires: 0,
    prev: now,
    credit: 0n,
    creditCap: 0n,
    cost: 0n,
    interval: 0,
    prevWindow: false,
    currentRate: 0n,
    rate: 0n,
    burst: 0n
  };
  if (cfg.mode & RATE_MATCH) {
    if (cfg.mode & BYTES) {
      const user = cfg.avg & UINT32_MAX;
      const r = user ? UINT32_MAX / user : UINT32_MAX;
      e.rate = u64(r - 1n << BYTE_SHIFT);
      e.burst = cfg.burst ? u64(cfg.burst * e.rate) : e.rate;
    } else {
      e.rate = cfg.avg !== 0n ? SCALE / cfg.avg : 0n;
      e.burst = u64(cfg.burst + e.rate);
    }
    e.interval = cfg.interval >>> 0;
  } else if (cfg.mode & BYTES) {
    e.credit = CPJB_HZ;
    e.cost = user2creditsByte(cfg.avg);
    e.creditCap = cfg.burst;
  } else {
    e.credit = user2credits(u64(cfg.avg * cfg.burst));
    e.cost = user2credits(cfg.avg);
    e.creditCap = e.credit;
  }
  return e;
}
function rateinfoRecalc(e, now, mode) {
  const delta = now - e.prev;
  if (delta === 0) return;
  if (mode & RATE_MATCH) {
    const interval = BigInt(Math.imul(e.interval, Number(HZ2)) >>> 0);
    if (BigInt(delta) < interval) return;
    e.prev = now;
    e.prevWindow = u64(e.currentRate * interval) > u64(BigInt(delta) * e.rate);
    e.currentRate = 0n;
    return;
  }
  e.prev = now;
  let cap;
  if (mode & BYTES) {
    const tmp = e.credit;
    e.credit = u64(e.credit + CREDITS_PER_JIFFY_BYTES * BigInt(delta));
    cap = CPJB_HZ;
    if (tmp >= e.credit) {
      e.credit = cap;
      return;
    }
  } else {
    e.credit = u64(e.credit + BigInt(delta) * CREDITS_PER_JIFFY);
    cap = e.creditCap;
  }
  if (e.credit > cap) e.credit = cap;
}
function byteCost(len, e) {
  let tmp = BigInt((len >>> Number(BYTE_SHIFT)) + 1) * e.cost;
  if (tmp > CPJB_HZ) tmp = CPJB_HZ;
  if (e.credit < tmp && e.creditCap) {
    e.creditCap--;
    e.credit = CPJB_HZ;
  }
  return tmp & UINT32_MAX;
}
function compileHashlimit(d) {
  const ruleRateMatch = (d.mode & RATE_MATCH) !== 0;
  const ruleBytes = (d.mode & BYTES) !== 0;
  const inv2 = (d.mode & INVERT) !== 0;
  let shared = null;
  let ht;
  return (p, ctx) => {
    const now = jiffiesAt(ctx.nowNs);
    if (ctx.shared !== shared) {
      shared = ctx.shared;
      ht = namedObject(ctx, "hashlimit", d.name, () => createTable(d, now));
    }
    const t = ht;
    const cfg = t.cfg;
    runGc(t, now);
    const mode = cfg.mode;
    const dst = mode & HASH_DIP ? maskl(p.dst >>> 0, cfg.dstmask) : 0;
    const src = mode & HASH_SIP ? maskl(p.src >>> 0, cfg.srcmask) : 0;
    let ports = 0;
    if (mode & (HASH_DPT | HASH_SPT)) {
      const poff = portsOffset(p.proto);
      if (poff >= 0) {
        if (l4Avail(p) < poff + 4) {
          ctx.hotdrop = true;
          return false;
        }
        const raw = rawL4(p);
        const sp = raw ? rawU16(p, poff) : p.sport;
        const dp = raw ? rawU16(p, poff + 2) : p.dport;
        ports = ((mode & HASH_SPT ? sp << 16 : 0) | (mode & HASH_DPT ? dp : 0)) >>> 0;
      }
    }
    let bySrc = t.buckets.get(src);
    let byDst = bySrc?.get(dst);
    let e = byDst?.get(ports);
    const expireJ = msecsToJiffies(cfg.expire >>> 0);
    if (!e) {
      if (t.count >= t.max) {
        ctx.hotdrop = true;
        return false;
      }
      e = rateinfoInit(cfg, now);
      if (!bySrc) t.buckets.set(src, bySrc = /* @__PURE__ */ new Map());
      if (!byDst) bySrc.set(dst, byDst = /* @__PURE__ */ new Map());
      byDst.set(ports, e);
      t.count++;
      e.expires = now + expireJ;
    } else {
      e.expires = now + expireJ;
      rateinfoRecalc(e, now, mode);
    }
    const len = p.len > 0 ? p.len : p.ihl + p.l4HeaderLen + (p.payload?.length ?? 0);
    if (ruleRateMatch) {
      e.currentRate += ruleBytes ? BigInt(len) : 1n;
      if (!e.prevWindow && e.currentRate <= u64(e.burst)) return !inv2;
      return inv2;
    }
    const cost = ruleBytes ? byteCost(len, e) : e.cost;
    if (e.credit >= cost) {
      e.credit -= cost;
      return !inv2;
    }
    return inv2;
  };
}
var hashlimitMatch = defineMatch({
  name: "hashlimit",
  revision: 3,
  options: [
    { name: "hashlimit-upto", id: O_UPTO2, excl: F_ABOVE, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "hashlimit-above", id: O_ABOVE2, excl: F_UPTO, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "hashlimit", id: O_UPTO2, excl: F_ABOVE, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "hashlimit-srcmask", id: O_SRCMASK, type: 19 /* PLEN */ },
    { name: "hashlimit-dstmask", id: O_DSTMASK, type: 19 /* PLEN */ },
    { name: "hashlimit-burst", id: O_BURST, type: 10 /* STRING */ },
    { name: "hashlimit-htable-size", id: O_HTABLE_SIZE, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "size" },
    { name: "hashlimit-htable-max", id: O_HTABLE_MAX, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "max" },
    {
      name: "hashlimit-htable-gcinterval",
      id: O_HTABLE_GCINT,
      type: 3 /* UINT32 */,
      flags: XTOPT_PUT,
      put: "gcInterval"
    },
    { name: "hashlimit-htable-expire", id: O_HTABLE_EXPIRE, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "expire" },
    { name: "hashlimit-mode", id: O_MODE, type: 10 /* STRING */ },
    {
      name: "hashlimit-name",
      id: O_NAME,
      type: 10 /* STRING */,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "name",
      min: 1,
      size: NAME_SIZE
    },
    { name: "hashlimit-rate-match", id: O_RATEMATCH, type: 0 /* NONE */ },
    { name: "hashlimit-rate-interval", id: O_INTERVAL, type: 10 /* STRING */ }
  ],
  init: () => ({
    name: "",
    mode: 0,
    avg: 0n,
    burst: BigInt(BURST_DEFAULT),
    size: 0,
    max: 0,
    gcInterval: GCINTERVAL,
    expire: 0,
    interval: 0,
    srcmask: 32,
    dstmask: 32
  }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_BURST:
        d.burst = parseBurst(cb.arg);
        break;
      case O_UPTO2:
        if (cb.invert) d.mode |= INVERT;
        parseLimit(cb, "--hashlimit-upto");
        break;
      case O_ABOVE2:
        if (!cb.invert) d.mode |= INVERT;
        parseLimit(cb, "--hashlimit-above");
        break;
      case O_MODE: {
        const m = parseMode(cb.arg);
        if (m === void 0) badValue("--hashlimit-mode", cb.arg);
        d.mode |= m;
        break;
      }
      case O_SRCMASK:
        d.srcmask = cb.val.hlen & 255;
        break;
      case O_DSTMASK:
        d.dstmask = cb.val.hlen & 255;
        break;
      case O_RATEMATCH:
        d.mode |= RATE_MATCH;
        break;
      case O_INTERVAL: {
        const r = cAtoi(cb.arg);
        if (r <= 0) badValue("--hashlimit-rate-interval", cb.arg);
        d.interval = r;
        break;
      }
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    const mult = cb.udata.mult ?? 0;
    if (!(cb.xflags & (F_UPTO | F_ABOVE))) throw paramError("You have to specify --hashlimit");
    if (!(cb.xflags & F_HTABLE_EXPIRE)) d.expire = mult * 1e3 >>> 0;
    if (d.mode & BYTES) {
      let burst = 0n;
      if (cb.xflags & F_BURST) {
        const unit = costToBytes(d.avg);
        if (d.burst < unit) throw paramError(`burst cannot be smaller than ${unit}b`);
        if (unit === 0n) divisionByZero();
        burst = (d.burst & UINT32_MAX) / unit;
        if (d.burst % unit) burst++;
        burst &= UINT32_MAX;
        if (!(cb.xflags & F_HTABLE_EXPIRE)) d.expire = BYTE_EXPIRE_BURST * 1e3;
      }
      d.burst = burst;
    } else if (d.burst > BURST_MAX) burstError();
    if (cb.xflags & F_RATEMATCH) {
      if (!(d.mode & BYTES)) d.avg /= BigInt(mult);
      if (d.interval === 0) d.interval = d.mode & BYTES ? 1 : mult;
    }
  },
  print: (d) => printText(d),
  save: (d) => saveText2(d),
  compile: (d) => compileHashlimit(d),
  // the interval is part of the data even when the text leaves it out
  compareKey: (d) => `${saveText2(d)}\0${d.interval}`,
  kernelCheck(d, ctx) {
    if (!ctx.checkentry) return void 0;
    if (!procNameOk(d.name)) return { errno: "EINVAL" };
    if (d.gcInterval === 0 || d.expire === 0) return { errno: "EINVAL" };
    if (d.srcmask > 32 || d.dstmask > 32) return { errno: "EINVAL" };
    if (d.mode & RATE_MATCH) {
      if (d.avg === 0n || d.avg > UINT32_MAX) return { errno: "ERANGE" };
      if (d.interval === 0) return { errno: "EINVAL" };
    } else if (d.mode & BYTES) {
      if (user2creditsByte(d.avg) === 0n) return { errno: "EINVAL" };
    } else if (d.burst === 0n || user2credits(u64(d.avg * d.burst)) < user2credits(d.avg)) {
      return { errno: "ERANGE" };
    }
    if (d.size >= 268435456) return { errno: "ENOMEM" };
    return void 0;
  },
  help: () => `hashlimit match options:
  --hashlimit-upto <avg>           max average match rate
                                   [Packets per second unless followed by 
                                   /sec /minute /hour /day postfixes]
  --hashlimit-above <avg>          min average match rate
  --hashlimit-mode <mode>          mode is a comma-separated list of
                                   dstip,srcip,dstport,srcport (or none)
  --hashlimit-srcmask <length>     source address grouping prefix length
  --hashlimit-dstmask <length>     destination address grouping prefix length
  --hashlimit-name <name>          name for /proc/net/ipt_hashlimit
  --hashlimit-burst <num>	    number to match in a burst, default ${BURST_DEFAULT}
  --hashlimit-htable-size <num>    number of hashtable buckets
  --hashlimit-htable-max <num>     number of hashtable entries
  --hashlimit-htable-gcinterval    interval between garbage collection runs
  --hashlimit-htable-expire        after which time are idle entries expired?
  --hashlimit-rate-match           rate match the flow without rate-limiting it
  --hashlimit-rate-interval        interval in seconds for hashlimit-rate-match

`
});

// src/extensions/limit.ts
var LIMIT_SCALE = 1e4;
var DEFAULT_BURST = 5;
var NFT_DEFAULT_BURST = 5;
var O_LIMIT = 0;
var O_BURST2 = 1;
var RATES2 = [
  ["day", LIMIT_SCALE * 24 * 60 * 60],
  ["hour", LIMIT_SCALE * 60 * 60],
  ["min", LIMIT_SCALE * 60],
  ["sec", LIMIT_SCALE]
];
function parseRate2(rate) {
  let mult = 1;
  const slash = rate.indexOf("/");
  if (slash >= 0) {
    const unit = rate.slice(slash + 1);
    if (unit.length === 0) return void 0;
    if (isCasePrefix(unit, "second")) mult = 1;
    else if (isCasePrefix(unit, "minute")) mult = 60;
    else if (isCasePrefix(unit, "hour")) mult = 60 * 60;
    else if (isCasePrefix(unit, "day")) mult = 24 * 60 * 60;
    else return void 0;
  }
  const r = cAtoi(rate) >>> 0;
  if (!r) return void 0;
  const val = Math.floor(LIMIT_SCALE * mult / r);
  if (val === 0) throw paramError(`Rate too fast "${rate}"`);
  return val;
}
function rateIndex(period) {
  let i = 1;
  for (; i < RATES2.length; i++) {
    const mult = RATES2[i][1];
    if (period > mult || Math.floor(mult / period) < mult % period) break;
  }
  return i - 1;
}
function printRate2(period) {
  if (period === 0) return " inf";
  const [name, mult] = RATES2[rateIndex(period)];
  return ` ${Math.floor(mult / period)}/${name}`;
}
var limitMatch = defineMatch({
  name: "limit",
  revision: 0,
  options: [
    { name: "limit", id: O_LIMIT, type: 10 /* STRING */ },
    { name: "limit-burst", id: O_BURST2, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "burst", min: 0, max: 1e4 }
  ],
  init: () => ({ avg: parseRate2("3/hour"), burst: DEFAULT_BURST }),
  parse(cb) {
    if (cb.entry.id === O_LIMIT) {
      const avg = parseRate2(cb.arg);
      if (avg === void 0) throw paramError(`bad rate "${cb.arg}"'`);
      cb.data.avg = avg;
    }
  },
  normalize(d) {
    const mult = RATES2[rateIndex(d.avg)][1];
    const rate = Math.floor(mult / d.avg);
    const unit = mult / LIMIT_SCALE;
    return { avg: Math.floor(LIMIT_SCALE * unit / rate) >>> 0, burst: d.burst === 0 ? NFT_DEFAULT_BURST : d.burst };
  },
  compile(d) {
    const mult = RATES2[rateIndex(d.avg)][1];
    const rate = Math.floor(mult / d.avg);
    const nsecs = BigInt(mult / LIMIT_SCALE) * 1000000000n;
    const burst = d.burst === 0 ? NFT_DEFAULT_BURST : d.burst;
    const costBig = nsecs / BigInt(rate);
    const maxBig = costBig * BigInt(burst);
    if (maxBig <= BigInt(Number.MAX_SAFE_INTEGER)) {
      const cost = Number(costBig);
      const max = Number(maxBig);
      const state2 = ruleStateCache(d, (ctx) => ({ tokens: max, last: ctx.nowNs }));
      return (_p, ctx) => {
        const st = state2(ctx);
        const now = ctx.nowNs;
        const elapsed = now - st.last;
        let tokens2 = elapsed >= max - st.tokens ? max : st.tokens + elapsed;
        st.last = now;
        if (tokens2 >= cost) {
          tokens2 -= cost;
          st.tokens = tokens2;
          return true;
        }
        st.tokens = tokens2;
        return false;
      };
    }
    const state = ruleStateCache(d, (ctx) => ({ tokens: maxBig, last: BigInt(ctx.nowNs) }));
    return (_p, ctx) => {
      const st = state(ctx);
      const now = BigInt(ctx.nowNs);
      let tokens2 = st.tokens + now - st.last;
      if (tokens2 > maxBig) tokens2 = maxBig;
      st.last = now;
      const ok = tokens2 >= costBig;
      st.tokens = ok ? tokens2 - costBig : tokens2;
      return ok;
    };
  },
  print: (d) => ` limit: avg${printRate2(d.avg)} burst ${d.burst}`,
  save: (d) => ` --limit${printRate2(d.avg)}${d.burst !== DEFAULT_BURST ? ` --limit-burst ${d.burst}` : ""}`,
  help: () => `limit match options:
--limit avg			max average match rate: default 3/hour
                                [Packets per second unless followed by 
                                /sec /minute /hour /day postfixes]
--limit-burst number		number to match in a burst, default ${DEFAULT_BURST}
`
});

// src/extensions/nfacct.ts
var NAME_MAX = 32;
var nfacctMatch = defineMatch({
  name: "nfacct",
  revision: 1,
  options: [
    {
      name: "nfacct-name",
      id: 0,
      type: 10 /* STRING */,
      min: 1,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "name",
      size: NAME_MAX
    }
  ],
  init: () => ({ name: "" }),
  parse(cb) {
    if (cb.arg.includes("\n")) throw paramError("Newlines not allowed in --nfacct-name");
  },
  // nfacct_mt(): an accounting object without a quota (NFACCT_NO_QUOTA) always matches; the
  // kernel refuses the rule anyway, as no object exists
  compile: () => () => true,
  // " nfacct-name " followed by xtables_save_string()'s own leading space
  print: (d) => ` nfacct-name ${saveString(d.name)}`,
  save: (d) => ` --nfacct-name ${saveString(d.name)}`,
  // nfnl_acct_find_get() finds no accounting object of that name
  kernelCheck: (_d, ctx) => ctx.checkentry ? { errno: "ENOENT" } : void 0,
  help: () => "nfacct match options:\n --nfacct-name STRING		Name of accouting area\n"
});

// src/extensions/quota.ts
var QUOTA_INVERT = 1;
var quotaMatch = defineMatch({
  name: "quota",
  revision: 0,
  options: [{ name: "quota", id: 0, type: 4 /* UINT64 */, flags: XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT, put: "quota" }],
  init: () => ({ flags: 0, quota: 0n }),
  parse(cb) {
    if (cb.invert) cb.data.flags |= QUOTA_INVERT;
  },
  compile(d) {
    const inv2 = (d.flags & QUOTA_INVERT) !== 0;
    const state = ruleStateCache(d, () => ({ quota: BigInt.asUintN(64, d.quota) }));
    return (p, ctx) => {
      const st = state(ctx);
      const len = BigInt(totalLen(p));
      if (st.quota >= len) {
        st.quota -= len;
        return !inv2;
      }
      st.quota = 0n;
      return inv2;
    };
  },
  // -L does not show the inversion
  print: (d) => ` quota: ${d.quota} bytes`,
  save: (d) => `${d.flags & QUOTA_INVERT ? " !" : ""} --quota ${d.quota}`,
  help: () => "quota match options:\n[!] --quota quota		quota (bytes)\n"
});

// src/extensions/rate-estimator.ts
var KIND = "rateest";
function shr(x, n) {
  return Math.floor(x / 2 ** n);
}
function rateEstimator(ctx, name, interval, ewmaLog) {
  return namedObject(ctx, KIND, name, () => {
    const intvlLog = interval + 2;
    const periodJiffies = Math.floor(HZ / 4) * 2 ** intvlLog;
    return {
      intvlLog,
      ewmaLog,
      bytes: 0,
      packets: 0,
      lastBytes: 0,
      lastPackets: 0,
      avbps: 0,
      avpps: 0,
      nextJiffies: jiffiesAt(ctx.nowNs) + periodJiffies,
      periodJiffies
    };
  });
}
function findRateEstimator(ctx, name) {
  return findNamedObject(ctx, KIND, name);
}
function advanceEstimator(est, nowNs) {
  const now = jiffiesAt(nowNs);
  const e = est.ewmaLog;
  const scale = 10 - est.intvlLog;
  let budget = 1e6;
  while (est.nextJiffies <= now && budget-- > 0) {
    const brate = shr((est.bytes - est.lastBytes) * 2 ** scale, e) - shr(est.avbps, e);
    const prate = shr((est.packets - est.lastPackets) * 2 ** scale, e) - shr(est.avpps, e);
    est.avbps += brate;
    est.avpps += prate;
    est.lastBytes = est.bytes;
    est.lastPackets = est.packets;
    est.nextJiffies += est.periodJiffies;
    if (shr(est.avbps, e) === 0 && shr(est.avpps, e) === 0) {
      const skip = Math.floor((now - est.nextJiffies) / est.periodJiffies) + 1;
      if (skip > 0) est.nextJiffies += skip * est.periodJiffies;
    }
  }
  if (est.nextJiffies <= now)
    est.nextJiffies += (Math.floor((now - est.nextJiffies) / est.periodJiffies) + 1) * est.periodJiffies;
}
function readEstimator(est, nowNs) {
  advanceEstimator(est, nowNs);
  return { bps: shr(est.avbps, 8), pps: shr(est.avpps, 8) };
}

// src/extensions/rateest.ts
var MATCH_INVERT = 1 << 0;
var MATCH_ABS = 1 << 1;
var MATCH_REL = 1 << 2;
var MATCH_DELTA = 1 << 3;
var MATCH_BPS = 1 << 4;
var MATCH_PPS = 1 << 5;
var MODE_EQ = 1;
var MODE_LT = 2;
var MODE_GT = 3;
var NAME_CHARS = 15;
var OPT_RATEEST1 = 0;
var OPT_RATEEST2 = 1;
var OPT_BPS1 = 2;
var OPT_PPS1 = 3;
var OPT_BPS2 = 4;
var OPT_PPS2 = 5;
var OPT_DELTA = 6;
var OPT_LT = 7;
var OPT_GT = 8;
var OPT_EQ = 9;
var SUFFIXES = [
  ["bit", 1],
  ["Kibit", 1024],
  ["kbit", 1e3],
  ["Mibit", 1024 * 1024],
  ["mbit", 1e6],
  ["Gibit", 1024 * 1024 * 1024],
  ["gbit", 1e9],
  ["Tibit", 1024 * 1024 * 1024 * 1024],
  ["tbit", 1e12],
  ["Bps", 8],
  ["KiBps", 8 * 1024],
  ["KBps", 8e3],
  ["MiBps", 8 * 1024 * 1024],
  ["MBps", 8e6],
  ["GiBps", 8 * 1024 * 1024 * 1024],
  ["GBps", 8e9],
  ["TiBps", 8 * 1024 * 1024 * 1024 * 1024],
  ["TBps", 8e12]
];
function getRate(str) {
  const r = cStrtodPrefix(str);
  if (r.end === 0) return void 0;
  const rest = str.slice(r.end);
  if (rest === "") return doubleToU32(r.value / 8);
  for (const [name, scale] of SUFFIXES) {
    if (name.toLowerCase() === rest.toLowerCase()) return doubleToU32(r.value * scale / 8);
  }
  return void 0;
}
function optionalArg2(cb) {
  const g = cb.getopt;
  const next = g.argv[g.optind];
  if (next === void 0 || next[0] === "-" || next[0] === "!") return void 0;
  g.optind++;
  return next;
}
function once(cb, id, what) {
  if (cb.xflags & 1 << id) throw paramError(`rateest: can't specify ${what} twice`);
  cb.xflags |= 1 << id;
}
function noInvert(cb, what) {
  if (cb.invert) throw paramError(`rateest: ${what} can't be inverted`);
}
function parseBps(cb) {
  const arg = optionalArg2(cb);
  if (arg === void 0) return void 0;
  const v = getRate(arg);
  if (v === void 0) throw paramError(`rateest: could not parse rate \`${arg}'`);
  return v;
}
function parsePps(cb) {
  const arg = optionalArg2(cb);
  if (arg === void 0) return void 0;
  const v = xtStrtouiWhole(arg, 0, 4294967295);
  if (v === void 0) throw paramError(`rateest: could not parse pps \`${arg}'`);
  return v;
}
function setMode(cb, id, mode) {
  if (cb.xflags & 1 << id) throw paramError("rateest: can't specify lt/gt/eq twice");
  cb.xflags |= 1 << id;
  cb.data.mode = mode;
  if (cb.invert) cb.data.flags |= MATCH_INVERT;
}
function printRate3(rate, numeric) {
  if (numeric) return ` ${rate}`;
  const tmp = rate * 8;
  if (tmp >= 1e3 * 1e6) return ` ${formatDouble0(tmp / 1e6)}Mbit`;
  if (tmp >= 1e3 * 1e3) return ` ${formatDouble0(tmp / 1e3)}Kbit`;
  return ` ${formatDouble0(tmp)}bit`;
}
function printMode2(d, prefix) {
  const inv2 = d.flags & MATCH_INVERT ? " !" : "";
  const name = d.mode === MODE_EQ ? "eq" : d.mode === MODE_LT ? "lt" : d.mode === MODE_GT ? "gt" : "";
  return `${inv2} ${prefix}${name}`;
}
function saveRate(d, name, r1, r2, numeric) {
  let out;
  if (d.flags & MATCH_DELTA) {
    out = ` --rateest-${name}1${printRate3(r1, numeric)}${printMode2(d, "--rateest-")} --rateest-${name}2`;
  } else {
    out = `${printMode2(d, "--rateest-")} --rateest-${name}`;
  }
  if (d.flags & (MATCH_ABS | MATCH_DELTA)) out += printRate3(r2, numeric);
  return out;
}
function saveRates(d) {
  let out = "";
  if (d.flags & MATCH_BPS) out += saveRate(d, "bps", d.bps1, d.bps2, false);
  if (d.flags & MATCH_PPS) out += saveRate(d, "pps", d.pps1, d.pps2, true);
  return out;
}
function estimatorExists(ctx, name) {
  const peers = ctx.peers?.() ?? [];
  return peers.some((p) => p.ext.name === "RATEEST" && p.data?.name === name);
}
function popcount(n) {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}
var rateestMatch = defineMatch({
  name: "rateest",
  revision: 0,
  rawParse: true,
  options: [
    { name: "rateest1", id: OPT_RATEEST1, type: 10 /* STRING */ },
    { name: "rateest", id: OPT_RATEEST1, type: 10 /* STRING */ },
    { name: "rateest2", id: OPT_RATEEST2, type: 10 /* STRING */ },
    { name: "rateest-bps1", id: OPT_BPS1, type: 0 /* NONE */ },
    { name: "rateest-pps1", id: OPT_PPS1, type: 0 /* NONE */ },
    { name: "rateest-bps2", id: OPT_BPS2, type: 0 /* NONE */ },
    { name: "rateest-pps2", id: OPT_PPS2, type: 0 /* NONE */ },
    { name: "rateest-bps", id: OPT_BPS2, type: 0 /* NONE */ },
    { name: "rateest-pps", id: OPT_PPS2, type: 0 /* NONE */ },
    { name: "rateest-delta", id: OPT_DELTA, type: 0 /* NONE */ },
    { name: "rateest-lt", id: OPT_LT, type: 0 /* NONE */ },
    { name: "rateest-gt", id: OPT_GT, type: 0 /* NONE */ },
    { name: "rateest-eq", id: OPT_EQ, type: 0 /* NONE */ }
  ],
  init: () => ({ name1: "", name2: "", flags: 0, mode: 0, bps1: 0, pps1: 0, bps2: 0, pps2: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case OPT_RATEEST1:
        noInvert(cb, "rateest");
        once(cb, OPT_RATEEST1, "--rateest1");
        d.name1 = cb.arg.slice(0, NAME_CHARS);
        break;
      case OPT_RATEEST2:
        noInvert(cb, "rateest");
        once(cb, OPT_RATEEST2, "--rateest2");
        d.name2 = cb.arg.slice(0, NAME_CHARS);
        d.flags |= MATCH_REL;
        break;
      case OPT_BPS1: {
        noInvert(cb, "rateest-bps");
        once(cb, OPT_BPS1, "--rateest-bps1");
        d.flags |= MATCH_BPS;
        const v = parseBps(cb);
        if (v !== void 0) d.bps1 = v;
        break;
      }
      case OPT_PPS1: {
        noInvert(cb, "rateest-pps");
        once(cb, OPT_PPS1, "--rateest-pps1");
        d.flags |= MATCH_PPS;
        const v = parsePps(cb);
        if (v !== void 0) d.pps1 = v;
        break;
      }
      case OPT_BPS2: {
        noInvert(cb, "rateest-bps");
        once(cb, OPT_BPS2, "--rateest-bps2");
        d.flags |= MATCH_BPS;
        const v = parseBps(cb);
        if (v !== void 0) d.bps2 = v;
        break;
      }
      case OPT_PPS2: {
        noInvert(cb, "rateest-pps");
        once(cb, OPT_PPS2, "--rateest-pps2");
        d.flags |= MATCH_PPS;
        const v = parsePps(cb);
        if (v !== void 0) d.pps2 = v;
        break;
      }
      case OPT_DELTA:
        noInvert(cb, "rateest-delta");
        once(cb, OPT_DELTA, "--rateest-delta");
        d.flags |= MATCH_DELTA;
        break;
      case OPT_EQ:
        setMode(cb, OPT_EQ, MODE_EQ);
        break;
      case OPT_LT:
        setMode(cb, OPT_LT, MODE_LT);
        break;
      case OPT_GT:
        setMode(cb, OPT_GT, MODE_GT);
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.data.flags & MATCH_REL)) cb.data.flags |= MATCH_ABS;
  },
  print(d, ctx) {
    const n = ctx.numeric;
    let out = ` rateest match ${d.name1}`;
    if (d.flags & MATCH_DELTA) out += " delta";
    if (d.flags & MATCH_BPS) {
      out += " bps";
      if (d.flags & MATCH_DELTA) out += printRate3(d.bps1, n);
      if (d.flags & MATCH_ABS) out += printRate3(d.bps2, n) + printMode2(d, "");
    }
    if (d.flags & MATCH_PPS) {
      out += " pps";
      if (d.flags & MATCH_DELTA) out += ` ${d.pps1}`;
      if (d.flags & MATCH_ABS) out += `${printMode2(d, "")} ${d.pps2}`;
    }
    if (d.flags & MATCH_REL) {
      out += `${printMode2(d, "")} ${d.name2}`;
      if (d.flags & MATCH_BPS) {
        out += " bps";
        if (d.flags & MATCH_DELTA) out += printRate3(d.bps2, n);
      }
      if (d.flags & MATCH_PPS) {
        out += " pps";
        if (d.flags & MATCH_DELTA) out += ` ${d.pps2}`;
      }
    }
    return out;
  },
  save(d) {
    let out = d.flags & MATCH_DELTA ? " --rateest-delta" : "";
    if (d.flags & MATCH_REL) out += ` --rateest1 ${d.name1}${saveRates(d)} --rateest2 ${d.name2}`;
    else out += ` --rateest ${d.name1}${saveRates(d)}`;
    return out;
  },
  compile(d) {
    const delta = (d.flags & MATCH_DELTA) !== 0;
    const abs = (d.flags & MATCH_ABS) !== 0;
    const bps = (d.flags & MATCH_BPS) !== 0;
    const pps = (d.flags & MATCH_PPS) !== 0;
    const inv2 = (d.flags & MATCH_INVERT) !== 0;
    const [b1, p1, b2, p2] = [d.bps1 >>> 0, d.pps1 >>> 0, d.bps2 >>> 0, d.pps2 >>> 0];
    const sample = (est, nowNs) => est ? readEstimator(est, nowNs) : { bps: 0, pps: 0 };
    return (_p, ctx) => {
      const s1 = sample(findRateEstimator(ctx, d.name1), ctx.nowNs);
      let bps1 = s1.bps;
      let pps1 = s1.pps;
      if (delta) {
        bps1 = b1 >= s1.bps ? b1 - s1.bps : 0;
        pps1 = p1 >= s1.pps ? p1 - s1.pps : 0;
      }
      let bps2;
      let pps2;
      if (abs) {
        bps2 = b2;
        pps2 = p2;
      } else {
        const s2 = sample(findRateEstimator(ctx, d.name2), ctx.nowNs);
        bps2 = delta ? b2 >= s2.bps ? b2 - s2.bps : 0 : s2.bps;
        pps2 = delta ? p2 >= s2.pps ? p2 - s2.pps : 0 : s2.pps;
      }
      let ret = true;
      if (d.mode === MODE_LT) {
        if (bps) ret &&= bps1 < bps2;
        if (pps) ret &&= pps1 < pps2;
      } else if (d.mode === MODE_GT) {
        if (bps) ret &&= bps1 > bps2;
        if (pps) ret &&= pps1 > pps2;
      } else if (d.mode === MODE_EQ) {
        if (bps) ret &&= bps1 === bps2;
        if (pps) ret &&= pps1 === pps2;
      }
      return ret !== inv2;
    };
  },
  kernelCheck(d, ctx) {
    if (!ctx.checkentry) return void 0;
    if (popcount(d.flags & (MATCH_ABS | MATCH_REL)) !== 1) return { errno: "EINVAL" };
    if (!(d.flags & (MATCH_BPS | MATCH_PPS))) return { errno: "EINVAL" };
    if (d.mode !== MODE_EQ && d.mode !== MODE_LT && d.mode !== MODE_GT) return { errno: "EINVAL" };
    if (!estimatorExists(ctx, d.name1)) return { errno: "ENOENT" };
    if (d.flags & MATCH_REL && !estimatorExists(ctx, d.name2)) return { errno: "ENOENT" };
    return void 0;
  },
  help: () => "rateest match options:\n --rateest1 name		Rate estimator name\n --rateest2 name		Rate estimator name\n --rateest-delta		Compare difference(s) to given rate(s)\n --rateest-bps1 [bps]		Compare bps\n --rateest-pps1 [pps]		Compare pps\n --rateest-bps2 [bps]		Compare bps\n --rateest-pps2 [pps]		Compare pps\n [!] --rateest-lt		Match if rate is less than given rate/estimator\n [!] --rateest-gt		Match if rate is greater than given rate/estimator\n [!] --rateest-eq		Match if rate is equal to given rate/estimator\n"
});

// src/extensions/recent.ts
var RECENT_CHECK = 1 << 0;
var RECENT_SET = 1 << 1;
var RECENT_UPDATE = 1 << 2;
var RECENT_REMOVE = 1 << 3;
var RECENT_TTL = 1 << 4;
var RECENT_REAP = 1 << 5;
var RECENT_MODIFIERS = RECENT_TTL | RECENT_REAP;
var SOURCE = 0;
var DEST = 1;
var NAME_LEN = 200;
var MAX_NSTAMPS = 65536;
var O_SET2 = 0;
var O_RCHECK = 1;
var O_UPDATE = 2;
var O_REMOVE = 3;
var O_SECONDS = 4;
var O_REAP = 5;
var O_HITCOUNT = 6;
var O_RTTL = 7;
var O_NAME2 = 8;
var O_RSOURCE = 9;
var O_RDEST = 10;
var O_MASK3 = 11;
var F_SET = 1 << O_SET2;
var F_RCHECK = 1 << O_RCHECK;
var F_UPDATE = 1 << O_UPDATE;
var F_REMOVE = 1 << O_REMOVE;
var F_SECONDS = 1 << O_SECONDS;
var F_ANY_OP = F_SET | F_RCHECK | F_UPDATE | F_REMOVE;
function printText2(d) {
  let out = d.invert ? " !" : "";
  out += " recent:";
  if (d.checkSet & RECENT_SET) out += " SET";
  if (d.checkSet & RECENT_CHECK) out += " CHECK";
  if (d.checkSet & RECENT_UPDATE) out += " UPDATE";
  if (d.checkSet & RECENT_REMOVE) out += " REMOVE";
  if (d.seconds) out += ` seconds: ${asInt32(d.seconds)}`;
  if (d.checkSet & RECENT_REAP) out += " reap";
  if (d.hitCount) out += ` hit_count: ${asInt32(d.hitCount)}`;
  if (d.checkSet & RECENT_TTL) out += " TTL-Match";
  out += ` name: ${d.name}`;
  if (d.side === SOURCE) out += " side: source";
  if (d.side === DEST) out += " side: dest";
  out += ` mask: ${formatIPv4(d.mask)}`;
  return out;
}
function saveText3(d) {
  let out = d.invert ? " !" : "";
  if (d.checkSet & RECENT_SET) out += " --set";
  if (d.checkSet & RECENT_CHECK) out += " --rcheck";
  if (d.checkSet & RECENT_UPDATE) out += " --update";
  if (d.checkSet & RECENT_REMOVE) out += " --remove";
  if (d.seconds) out += ` --seconds ${asInt32(d.seconds)}`;
  if (d.checkSet & RECENT_REAP) out += " --reap";
  if (d.hitCount) out += ` --hitcount ${asInt32(d.hitCount)}`;
  if (d.checkSet & RECENT_TTL) out += " --rttl";
  out += ` --name ${d.name}`;
  out += ` --mask ${formatIPv4(d.mask)}`;
  if (d.side === SOURCE) out += " --rsource";
  if (d.side === DEST) out += " --rdest";
  return out;
}
var IP_LIST_TOT = 100;
function nstampMask(hitCount) {
  if (!hitCount) return 31;
  let p = 1;
  while (p < hitCount) p *= 2;
  return p - 1;
}
function popcount2(n) {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}
var recentMatch = defineMatch({
  name: "recent",
  revision: 1,
  options: [
    { name: "set", id: O_SET2, type: 0 /* NONE */, excl: F_ANY_OP, flags: XTOPT_INVERT },
    { name: "rcheck", id: O_RCHECK, type: 0 /* NONE */, excl: F_ANY_OP, flags: XTOPT_INVERT },
    { name: "update", id: O_UPDATE, type: 0 /* NONE */, excl: F_ANY_OP, flags: XTOPT_INVERT },
    { name: "remove", id: O_REMOVE, type: 0 /* NONE */, excl: F_ANY_OP, flags: XTOPT_INVERT },
    { name: "seconds", id: O_SECONDS, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "seconds", min: 1 },
    { name: "reap", id: O_REAP, type: 0 /* NONE */, also: F_SECONDS },
    { name: "hitcount", id: O_HITCOUNT, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "hitCount" },
    { name: "rttl", id: O_RTTL, type: 0 /* NONE */, excl: F_SET | F_REMOVE },
    { name: "name", id: O_NAME2, type: 10 /* STRING */, flags: XTOPT_PUT, put: "name", size: NAME_LEN },
    { name: "rsource", id: O_RSOURCE, type: 0 /* NONE */ },
    { name: "rdest", id: O_RDEST, type: 0 /* NONE */ },
    { name: "mask", id: O_MASK3, type: 14 /* HOST */, flags: XTOPT_PUT, put: "mask" }
  ],
  init: () => ({
    seconds: 0,
    hitCount: 0,
    checkSet: 0,
    invert: 0,
    name: "DEFAULT",
    side: SOURCE,
    mask: 4294967295,
    maskGiven: false
  }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_SET2:
        d.checkSet |= RECENT_SET;
        if (cb.invert) d.invert = 1;
        break;
      case O_RCHECK:
        d.checkSet |= RECENT_CHECK;
        if (cb.invert) d.invert = 1;
        break;
      case O_UPDATE:
        d.checkSet |= RECENT_UPDATE;
        if (cb.invert) d.invert = 1;
        break;
      case O_REMOVE:
        d.checkSet |= RECENT_REMOVE;
        if (cb.invert) d.invert = 1;
        break;
      case O_RTTL:
        d.checkSet |= RECENT_TTL;
        break;
      case O_RSOURCE:
        d.side = SOURCE;
        break;
      case O_RDEST:
        d.side = DEST;
        break;
      case O_REAP:
        d.checkSet |= RECENT_REAP;
        break;
      case O_MASK3:
        d.maskGiven = true;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_ANY_OP))
      throw paramError("recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
  },
  print: (d) => printText2(d),
  save: (d) => saveText3(d),
  compareKey: (d) => `${saveText3(d)}${d.maskGiven ? "\0mask" : ""}`,
  compile(d) {
    const cs = d.checkSet;
    const isSet2 = (cs & RECENT_SET) !== 0;
    const isRemove2 = (cs & RECENT_REMOVE) !== 0;
    const isCheck = (cs & (RECENT_CHECK | RECENT_UPDATE)) !== 0;
    const isUpdate = (cs & RECENT_UPDATE) !== 0;
    const useTtl = (cs & RECENT_TTL) !== 0;
    const reap = (cs & RECENT_REAP) !== 0;
    const seconds = d.seconds >>> 0;
    const window = Math.imul(seconds, HZ) >>> 0;
    const hitCount = d.hitCount >>> 0;
    const dest = d.side === DEST;
    const wantMask = nstampMask(hitCount);
    let shared = null;
    let t;
    const remove = (e) => t.entries.delete(e.addr);
    return (p, ctx) => {
      if (ctx.shared !== shared) {
        shared = ctx.shared;
        t = namedObject(ctx, "recent", d.name, () => ({
          mask: d.mask >>> 0,
          nstampsMaxMask: wantMask,
          entries: /* @__PURE__ */ new Map()
        }));
        if (wantMask > t.nstampsMaxMask) {
          t.entries.clear();
          t.nstampsMaxMask = wantMask;
        }
      }
      const tbl = t;
      let ret = d.invert !== 0;
      const addr2 = ((dest ? p.dst : p.src) & tbl.mask) >>> 0;
      let ttl = p.ttl & 255;
      const h = ctx.hook;
      if (h === NF_INET_FORWARD || h === NF_INET_POST_ROUTING && p.inDev !== "") ttl = ttl + 1 & 255;
      const now = jiffiesAt(ctx.nowNs);
      const want = useTtl ? ttl : 0;
      let e = tbl.entries.get(addr2);
      if (e && !(want === e.ttl || want === 0 || e.ttl === 0)) e = void 0;
      if (!e) {
        if (!isSet2) return ret;
        if (tbl.entries.size >= IP_LIST_TOT) {
          const oldest = tbl.entries.keys().next().value;
          tbl.entries.delete(oldest);
        }
        const stamps = new Array(tbl.nstampsMaxMask + 1).fill(0);
        stamps[0] = now;
        tbl.entries.set(addr2, { addr: addr2, ttl, stamps, index: 1, nstamps: 1 });
        return !ret;
      }
      if (isSet2) ret = !ret;
      else if (isRemove2) {
        remove(e);
        ret = !ret;
      } else if (isCheck) {
        const time = now - window;
        let hits = 0;
        for (let i = 0; i < e.nstamps; i++) {
          if (seconds && e.stamps[i] < time) continue;
          if (!hitCount || ++hits >= hitCount) {
            ret = !ret;
            break;
          }
        }
        if (reap) {
          const head = tbl.entries.values().next().value;
          if (!(head === e && isUpdate && ret) && head.stamps[head.index - 1 & 65535] < time) remove(head);
        }
      }
      if (isSet2 || isUpdate && ret) {
        e.index &= tbl.nstampsMaxMask;
        e.stamps[e.index++] = now;
        if (e.index > e.nstamps) e.nstamps = e.index;
        tbl.entries.delete(e.addr);
        tbl.entries.set(e.addr, e);
        e.ttl = ttl;
      }
      return ret;
    };
  },
  kernelCheck(d, ctx) {
    if (!ctx.checkentry) return void 0;
    const ops = d.checkSet & (RECENT_SET | RECENT_REMOVE | RECENT_CHECK | RECENT_UPDATE);
    if (popcount2(ops) !== 1) return { errno: "EINVAL" };
    if (d.checkSet & (RECENT_SET | RECENT_REMOVE) && (d.seconds || d.hitCount || d.checkSet & RECENT_MODIFIERS))
      return { errno: "EINVAL" };
    if (d.checkSet & RECENT_REAP && !d.seconds) return { errno: "EINVAL" };
    if (d.hitCount >= MAX_NSTAMPS) return { errno: "EINVAL" };
    if (!procNameOk(d.name)) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "recent match options:\n[!] --set                       Add source address to list, always matches.\n[!] --rcheck                    Match if source address in list.\n[!] --update                    Match if source address in list, also update last-seen time.\n[!] --remove                    Match if source address in list, also removes that address from list.\n    --seconds seconds           For check and update commands above.\n                                Specifies that the match will only occur if source address last seen within\n                                the last 'seconds' seconds.\n    --reap                      Purge entries older then 'seconds'.\n                                Can only be used in conjunction with the seconds option.\n    --hitcount hits             For check and update commands above.\n                                Specifies that the match will only occur if source address seen hits times.\n                                May be used in conjunction with the seconds option.\n    --rttl                      For check and update commands above.\n                                Specifies that the match will only occur if the source address and the TTL\n                                match between this packet and the one which was set.\n                                Useful if you have problems with people spoofing their source address in order\n                                to DoS you via this module.\n    --name name                 Name of the recent list to be used.  DEFAULT used if none given.\n    --rsource                   Match/Save the source address of each packet in the recent list table (default).\n    --rdest                     Match/Save the destination address of each packet in the recent list table.\n    --mask netmask              Netmask that will be applied to this recent list.\nxt_recent by: Stephen Frost <sfrost@snowman.net>.\n"
});

// src/extensions/statistic.ts
var MODE_RANDOM = 0;
var MODE_NTH = 1;
var STATISTIC_INVERT = 1;
var O_MODE2 = 0;
var O_PROBABILITY = 1;
var O_EVERY = 2;
var O_PACKET = 3;
var F_PROBABILITY = 1 << O_PROBABILITY;
var F_EVERY = 1 << O_EVERY;
var F_PACKET = 1 << O_PACKET;
function printMatch(d, prefix) {
  const inv2 = d.flags & STATISTIC_INVERT ? " !" : "";
  if (d.mode === MODE_RANDOM) {
    const p = formatFixedRational(BigInt(d.probability), 0x80000000n, 11);
    return ` ${prefix}mode random${inv2} ${prefix}probability ${p}`;
  }
  if (d.mode === MODE_NTH) {
    let out = ` ${prefix}mode nth${inv2} ${prefix}every ${d.every + 1 >>> 0}`;
    if (d.packet || prefix) out += ` ${prefix}packet ${d.packet}`;
    return out;
  }
  return "";
}
var statisticMatch = defineMatch({
  name: "statistic",
  revision: 0,
  options: [
    { name: "mode", id: O_MODE2, type: 10 /* STRING */, flags: XTOPT_MAND },
    {
      name: "probability",
      id: O_PROBABILITY,
      type: 9 /* DOUBLE */,
      flags: XTOPT_INVERT,
      min: 0,
      max: 1,
      excl: F_EVERY | F_PACKET
    },
    {
      name: "every",
      id: O_EVERY,
      type: 3 /* UINT32 */,
      min: 1,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "every",
      excl: F_PROBABILITY,
      also: F_PACKET
    },
    {
      name: "packet",
      id: O_PACKET,
      type: 3 /* UINT32 */,
      flags: XTOPT_PUT,
      put: "packet",
      excl: F_PROBABILITY,
      also: F_EVERY
    }
  ],
  init: () => ({ mode: MODE_RANDOM, flags: 0, probability: 0, every: 0, packet: 0 }),
  parse(cb) {
    const d = cb.data;
    if (cb.invert) d.flags |= STATISTIC_INVERT;
    switch (cb.entry.id) {
      case O_MODE2:
        if (cb.arg === "random") d.mode = MODE_RANDOM;
        else if (cb.arg === "nth") d.mode = MODE_NTH;
        else throw paramError(`Bad mode "${cb.arg}"`);
        break;
      case O_PROBABILITY:
        d.probability = cLround(2147483648 * cb.val.dbl) >>> 0;
        break;
      case O_EVERY:
        d.every = d.every - 1 >>> 0;
        break;
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    if (d.mode === MODE_RANDOM && !(cb.xflags & F_PROBABILITY))
      throw paramError("--probability must be specified when using random mode");
    if (d.mode === MODE_NTH && !(cb.xflags & (F_EVERY | F_PACKET)))
      throw paramError("--every and --packet must be specified when using nth mode");
    if (d.packet > d.every) throw paramError("the --packet p must be 0 <= p <= n-1");
  },
  compile(d) {
    const inv2 = (d.flags & STATISTIC_INVERT) !== 0;
    if (d.mode === MODE_RANDOM) {
      const prob = d.probability >>> 0;
      return (_p, ctx) => (ctx.random32() & 2147483647) < prob !== inv2;
    }
    const every = d.every | 0;
    const state = ruleStateCache(d, () => ({ count: d.every - d.packet | 0 }));
    return (_p, ctx) => {
      const st = state(ctx);
      const nval = st.count === every ? 0 : st.count + 1 | 0;
      st.count = nval;
      return nval === 0 !== inv2;
    };
  },
  print: (d) => ` statistic${printMatch(d, "")}`,
  save: (d) => printMatch(d, "--"),
  help: () => "statistic match options:\n --mode mode                    Match mode (random, nth)\n random mode:\n[!] --probability p		 Probability\n nth mode:\n[!] --every n			 Match every nth packet\n --packet p			 Initial counter value (0 <= p <= n-1, default 0)\n"
});

// src/extensions/string.ts
var STRING_FLAG_INVERT = 1;
var STRING_FLAG_IGNORECASE = 2;
var MAX_PATTERN = 128;
var ALGO_SIZE = 16;
var O_FROM = 0;
var O_TO = 1;
var O_ALGO = 2;
var O_ICASE = 3;
var O_STRING = 4;
var O_HEX_STRING = 5;
var F_STRING = 1 << O_STRING;
var F_HEX_STRING = 1 << O_HEX_STRING;
var F_OP_ANY2 = F_STRING | F_HEX_STRING;
function isXdigit(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
}
function parseHexString(arg) {
  const s = utf8Bytes(arg);
  const slen = s.length;
  if (slen === 0) throw paramError("STRING must contain at least one char");
  const out = [];
  let i = 0;
  let hex7 = false;
  let literal = false;
  const at = (k) => s[k] ?? 0;
  while (i < slen) {
    if (out.length >= MAX_PATTERN) throw paramError(`STRING too long "${arg}"`);
    if (s[i] === 92 && !hex7) literal = true;
    else if (s[i] === 92) throw paramError("Cannot include literals in hex data");
    else if (s[i] === 124) {
      if (hex7) hex7 = false;
      else {
        hex7 = true;
        while (at(i + 1) === 32) i++;
      }
      if (i + 1 >= slen) break;
      i++;
    }
    if (literal) {
      if (i + 1 >= slen) throw paramError("Bad literal placement at end of string");
      out.push(at(i + 1));
      i += 2;
      literal = false;
    } else if (hex7) {
      if (i + 1 >= slen) throw paramError("Odd number of hex digits");
      if (i + 2 >= slen) throw paramError("Invalid hex block");
      if (!isXdigit(at(i))) throw paramError(`Invalid hex char '${String.fromCharCode(at(i))}'`);
      if (!isXdigit(at(i + 1))) throw paramError(`Invalid hex char '${String.fromCharCode(at(i + 1))}'`);
      out.push(Number.parseInt(String.fromCharCode(at(i), at(i + 1)), 16));
      i += at(i + 2) === 32 ? 3 : 2;
    } else {
      out.push(at(i));
      i++;
    }
  }
  return out;
}
function isHexString(p) {
  if (p.some((c) => c < 32 || c > 126)) return true;
  return p.length > 0 && p[p.length - 1] === 92;
}
function patternText(p) {
  if (isHexString(p)) return ` "|${p.map((c) => c.toString(16).padStart(2, "0")).join("")}|"`;
  let out = "";
  for (const c of p) {
    if (c === 34 || c === 92) out += "\\";
    out += String.fromCharCode(c);
  }
  return ` "${out}"`;
}
function fsmPatternOk(p, icase) {
  if (p.length % 4 !== 0 || p.length === 0 || icase) return false;
  const n = p.length / 4;
  for (let i = 0; i < n; i++) {
    const type = p[4 * i] | p[4 * i + 1] << 8;
    const recur = p[4 * i + 2];
    if (type > 13 || recur > 4) return false;
    if (recur === 4 && (i !== 0 || i === n - 1)) return false;
  }
  return true;
}
function bmFinder(pat, icase) {
  const patlen = pat.length;
  const pattern = Uint8Array.from(pat.map((c) => icase ? K_TOUPPER[c] : c));
  const bad = new Int32Array(256).fill(patlen);
  for (let i = 0; i < patlen - 1; i++) {
    bad[pattern[i]] = patlen - 1 - i;
    if (icase) bad[K_TOLOWER[pattern[i]]] = patlen - 1 - i;
  }
  const good = new Int32Array(patlen).fill(patlen);
  good[0] = 1;
  const at = (k) => k >= 0 ? pattern[k] : -1 - k;
  const subpattern = (i, j, g0) => {
    let x = i + g0 - 1;
    let y = j + g0 - 1;
    let g = g0;
    while (at(x--) === at(y--)) {
      if (y < 0) return true;
      if (--g === 0) return at(i - 1) !== at(j - 1);
    }
    return false;
  };
  for (let i = patlen - 1, g = 1; i > 0; g++, i--) {
    for (let j = i - 1; j >= 1 - g; j--) {
      if (subpattern(i, j, g)) {
        good[g] = patlen - j - g;
        break;
      }
    }
  }
  const up = icase ? K_TOUPPER : null;
  return (text, start, end) => {
    const len = end - start;
    let shift = patlen - 1;
    while (shift < len) {
      let i = 0;
      for (; i < patlen; i++) {
        const c = text[start + shift - i];
        if ((up ? up[c] : c) !== pattern[patlen - 1 - i]) break;
      }
      if (i === patlen) return shift - (patlen - 1);
      const bs = bad[text[start + shift - i]];
      shift = Math.max(shift - i + bs, shift + good[i]);
    }
    return -1;
  };
}
function kmpFinder(pat, icase) {
  const m = pat.length;
  const pattern = Uint8Array.from(pat.map((c) => icase ? K_TOUPPER[c] : c));
  const prefix = new Int32Array(m);
  for (let k = 0, q = 1; q < m; q++) {
    while (k > 0 && pattern[k] !== pattern[q]) k = prefix[k - 1];
    if (pattern[k] === pattern[q]) k++;
    prefix[q] = k;
  }
  const up = icase ? K_TOUPPER : null;
  return (text, start, end) => {
    let q = 0;
    for (let i = start; i < end; i++) {
      const c = up ? up[text[i]] : text[i];
      while (q > 0 && pattern[q] !== c) q = prefix[q - 1];
      if (pattern[q] === c) q++;
      if (q === m) return i + 1 - m - start;
    }
    return -1;
  };
}
var C_U = 1;
var C_L = 2;
var C_D = 4;
var C_C = 8;
var C_P = 16;
var C_S = 32;
var C_X = 64;
var C_SP = 128;
var C_A = 256;
var C_W = 512;
var FSM_CLASS = (() => {
  const t = new Uint16Array(256);
  const set = (lo, hi, v) => {
    for (let c = lo; c <= hi; c++) t[c] = v;
  };
  set(0, 31, C_W | C_A | C_C);
  set(9, 13, C_W | C_A | C_C | C_S);
  set(32, 32, C_W | C_A | C_S | C_SP);
  set(33, 47, C_W | C_A | C_P);
  set(48, 57, C_W | C_A | C_D);
  set(58, 64, C_W | C_A | C_P);
  set(65, 70, C_W | C_A | C_U | C_X);
  set(71, 90, C_W | C_A | C_U);
  set(91, 96, C_W | C_A | C_P);
  set(97, 102, C_W | C_A | C_L | C_X);
  set(103, 122, C_W | C_A | C_L);
  set(123, 126, C_W | C_A | C_P);
  set(127, 127, C_W | C_A | C_C);
  set(128, 159, C_W);
  set(160, 160, C_W | C_S | C_SP);
  set(161, 191, C_W | C_P);
  set(192, 222, C_W | C_U);
  set(215, 215, C_W | C_P);
  set(223, 255, C_W | C_L);
  set(247, 247, C_W | C_P);
  return t;
})();
var FSM_TOKEN_MAP = [
  0,
  C_W,
  C_D,
  C_D | C_X,
  C_P | C_U | C_L | C_D | C_SP,
  C_U | C_L,
  C_U | C_L | C_D,
  C_A,
  C_C,
  C_P | C_U | C_L | C_D,
  C_L,
  C_U,
  C_P,
  C_S
];
var FSM_SINGLE = 0;
var FSM_PERHAPS = 1;
var FSM_ANY = 2;
var FSM_MULTI = 3;
var FSM_HEAD_IGNORE = 4;
function fsmFinder(pat) {
  const n = pat.length / 4;
  const types = [];
  const recurs = [];
  const values = [];
  for (let i = 0; i < n; i++) {
    types.push(FSM_TOKEN_MAP[pat[4 * i] | pat[4 * i + 1] << 8] ?? 0);
    recurs.push(pat[4 * i + 2]);
    values.push(pat[4 * i + 3]);
  }
  const strict = recurs[0] !== FSM_HEAD_IGNORE;
  const NO = -1;
  return (text, start, end) => {
    const blockLen = end - start;
    let idx = 0;
    let done = false;
    const eod = () => {
      if (done) return true;
      if (idx >= blockLen) done = true;
      return done;
    };
    const tok = (k, d) => types[k] ? (FSM_CLASS[d] & types[k]) !== 0 : values[k] === d;
    const at = () => text[start + idx];
    if (eod()) return NO;
    startover: for (; ; ) {
      const matchStartBase = idx;
      let matchStart = matchStartBase;
      for (let k = 0; k < n; k++) {
        const next = k < n - 1 ? k + 1 : -1;
        const r = recurs[k];
        if (r === FSM_SINGLE) {
          if (eod()) return NO;
          if (!tok(k, at())) {
            if (strict) return NO;
            idx++;
            continue startover;
          }
        } else if (r === FSM_PERHAPS) {
          if (eod() || !tok(k, at())) continue;
        } else if (r === FSM_MULTI || r === FSM_ANY) {
          if (r === FSM_MULTI) {
            if (eod()) return NO;
            if (!tok(k, at())) {
              if (strict) return NO;
              idx++;
              continue startover;
            }
            idx++;
          }
          if (next < 0) return matchStart;
          if (eod()) continue;
          while (!tok(next, at())) {
            if (!tok(k, at())) {
              if (strict) return NO;
              idx++;
              continue startover;
            }
            idx++;
            if (eod()) return NO;
          }
          continue;
        } else if (r === FSM_HEAD_IGNORE) {
          if (eod()) continue;
          while (!tok(next, at())) {
            if (!tok(k, at())) return NO;
            idx++;
            if (eod()) return NO;
          }
          matchStart = idx;
          continue;
        }
        idx++;
      }
      return eod() ? matchStart : NO;
    }
  };
}
var stringMatch = defineMatch({
  name: "string",
  revision: 1,
  options: [
    { name: "from", id: O_FROM, type: 2 /* UINT16 */, flags: XTOPT_PUT, put: "from" },
    { name: "to", id: O_TO, type: 2 /* UINT16 */, flags: XTOPT_PUT, put: "to" },
    { name: "algo", id: O_ALGO, type: 10 /* STRING */, flags: XTOPT_MAND | XTOPT_PUT, put: "algo", size: ALGO_SIZE },
    { name: "string", id: O_STRING, type: 10 /* STRING */, flags: XTOPT_INVERT, excl: F_HEX_STRING },
    { name: "hex-string", id: O_HEX_STRING, type: 10 /* STRING */, flags: XTOPT_INVERT, excl: F_STRING },
    { name: "icase", id: O_ICASE, type: 0 /* NONE */ }
  ],
  init: () => ({ from: 0, to: 65535, algo: "", pattern: [], flags: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_STRING: {
        const bytes = utf8Bytes(cb.arg);
        if (bytes.length > MAX_PATTERN) throw paramError(`STRING too long "${cb.arg}"`);
        d.pattern = bytes;
        if (cb.invert) d.flags |= STRING_FLAG_INVERT;
        break;
      }
      case O_HEX_STRING:
        d.pattern = parseHexString(cb.arg);
        if (cb.invert) d.flags |= STRING_FLAG_INVERT;
        break;
      case O_ICASE:
        d.flags |= STRING_FLAG_IGNORECASE;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_OP_ANY2)) throw paramError("STRING match: You must specify `--string' or `--hex-string'");
  },
  print(d) {
    let out = ` STRING match ${d.flags & STRING_FLAG_INVERT ? "!" : ""}${patternText(d.pattern)} ALGO name ${d.algo}`;
    if (d.from !== 0) out += ` FROM ${d.from}`;
    if (d.to !== 65535) out += ` TO ${d.to}`;
    if (d.flags & STRING_FLAG_IGNORECASE) out += " ICASE";
    return out;
  },
  save(d) {
    const inv2 = d.flags & STRING_FLAG_INVERT ? " !" : "";
    let out = `${inv2} --${isHexString(d.pattern) ? "hex-string" : "string"}${patternText(d.pattern)} --algo ${d.algo}`;
    if (d.from !== 0) out += ` --from ${d.from}`;
    if (d.to !== 65535) out += ` --to ${d.to}`;
    if (d.flags & STRING_FLAG_IGNORECASE) out += " --icase";
    return out;
  },
  compile(d) {
    const icase = (d.flags & STRING_FLAG_IGNORECASE) !== 0;
    const inv2 = (d.flags & STRING_FLAG_INVERT) !== 0;
    const from = d.from;
    const to = d.to;
    const patlen = d.pattern.length;
    const find = d.algo === "bm" ? bmFinder(d.pattern, icase) : d.algo === "kmp" ? kmpFinder(d.pattern, icase) : fsmFinder(d.pattern);
    return (p) => {
      const b = ipBytes(p);
      const end = Math.min(to, b.length);
      const pos = from < end ? find(b, from, end) : -1;
      return (pos >= 0 && pos + patlen <= to - from) !== inv2;
    };
  },
  kernelCheck(d, ctx) {
    if (!ctx.checkentry) return void 0;
    if (d.from > d.to) return { errno: "EINVAL" };
    if (d.pattern.length === 0) return { errno: "EINVAL" };
    if (d.algo === "bm" || d.algo === "kmp") return void 0;
    if (d.algo === "fsm") {
      const icase = (d.flags & STRING_FLAG_IGNORECASE) !== 0;
      return fsmPatternOk(d.pattern, icase) ? void 0 : { errno: "EINVAL" };
    }
    return { errno: "ENOENT" };
  },
  help: () => "string match options:\n--from                       Offset to start searching from\n--to                         Offset to stop searching\n--algo                       Algorithm\n--icase                      Ignore case (default: 0)\n[!] --string string          Match a string in a packet\n[!] --hex-string string      Match a hex string in a packet\n"
});

// src/extensions/time.ts
var TIME_LOCAL_TZ = 1 << 0;
var TIME_CONTIGUOUS = 1 << 1;
var ALL_MONTHDAYS = 4294967294;
var ALL_WEEKDAYS = 254;
var MIN_DAYTIME = 0;
var MAX_DAYTIME = 24 * 60 * 60 - 1;
var INT_MAX = 2147483647;
var O_DATE_START = 0;
var O_DATE_STOP = 1;
var O_TIME_START = 2;
var O_TIME_STOP = 3;
var O_TIME_CONTIGUOUS = 4;
var O_MONTHDAYS = 5;
var O_WEEKDAYS = 6;
var O_LOCAL_TZ = 7;
var O_UTC = 8;
var O_KERNEL_TZ = 9;
var F_LOCAL_TZ = 1 << O_LOCAL_TZ;
var F_UTC = 1 << O_UTC;
var F_KERNEL_TZ = 1 << O_KERNEL_TZ;
var F_TIME_CONTIGUOUS = 1 << O_TIME_CONTIGUOUS;
var WEEK_DAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
function field(s, pos) {
  const r = cStrtoul2(s, pos, 10);
  return { v: u322(r.value), end: r.end };
}
function parseDate(arg) {
  const bad = () => {
    throw paramError(`Invalid date "${arg}" specified. Should be YYYY[-MM[-DD[Thh[:mm[:ss]]]]]`);
  };
  const parts = [1, 1, 0, 0, 0];
  const limits = [12, 31, 23, 59, 59];
  const seps = ["-", "T", ":", ":", ""];
  let f = field(arg, 0);
  const year = f.v;
  if (arg[f.end] !== "-" && f.end !== arg.length || year < 1970 || year > 2038) bad();
  for (let k = 0; k < 5 && f.end !== arg.length; k++) {
    f = field(arg, f.end + 1);
    const ok = f.end === arg.length || seps[k] !== "" && arg[f.end] === seps[k];
    if (!ok || f.v > limits[k]) bad();
    parts[k] = f.v;
  }
  const ms = Date.UTC(year, parts[0] - 1, parts[1], parts[2], parts[3], parts[4]);
  const t = Math.floor(ms / 1e3);
  if (t >= 0) return u322(BigInt(t));
  throw new XtablesError(1, "mktime returned an error", "plain", "mktime: No such file or directory\n");
}
function parseDaytime(arg) {
  const bad = (s) => {
    throw paramError(`invalid time "${s}" specified, should be hh:mm[:ss] format and within the boundaries`);
  };
  let f = field(arg, 0);
  const hour = f.v;
  if (arg[f.end] !== ":" || hour > 23) bad(arg);
  let start = f.end + 1;
  f = field(arg, start);
  const minute = f.v;
  if (arg[f.end] !== ":" && f.end !== arg.length || minute > 59) bad(arg.slice(start));
  let second = 0;
  if (f.end !== arg.length) {
    start = f.end + 1;
    f = field(arg, start);
    second = f.v;
    if (f.end !== arg.length || second > 59) bad(arg.slice(start));
  }
  return 60 * 60 * hour + 60 * minute + second;
}
function segments(arg, buflen) {
  const out = [];
  let rest = arg;
  while (rest !== null && rest !== "") {
    const comma = rest.indexOf(",");
    const piece = comma < 0 ? rest : rest.slice(0, comma);
    out.push(piece.slice(0, buflen - 1));
    rest = comma < 0 ? null : rest.slice(comma + 1);
  }
  return out;
}
function parseMonthdays(arg) {
  let ret = 0;
  for (const day of segments(arg, 3)) {
    const r = cStrtoul2(day, 0, 0);
    const i = u322(r.value);
    const c = day[r.end];
    if (c !== "," && c !== void 0 || i > 31) throw paramError(`${day} is not a valid day for --monthdays`);
    ret = (ret | 1 << i) >>> 0;
  }
  return ret;
}
function parseWeekdays(arg) {
  let ret = 0;
  for (const day of segments(arg, 4)) {
    const r = cStrtoul2(day, 0, 0);
    if (r.end === day.length) {
      const i = u322(r.value);
      if (i === 0) throw paramError("No, the week does NOT begin with Sunday.");
      ret = (ret | 1 << (i & 31)) >>> 0;
      continue;
    }
    let valid = false;
    for (let i = 1; i < WEEK_DAYS.length; i++) {
      if (day.slice(0, 2) === WEEK_DAYS[i].slice(0, 2)) {
        ret = (ret | 1 << i) >>> 0;
        valid = true;
      }
    }
    if (!valid) throw paramError(`${day} is not a valid day specifier`);
  }
  return ret;
}
var SECONDS_PER_DAY = 86400;
var DSE_FIRST = 2039;
var DAYS_SINCE_EPOCH = (() => {
  const out = [];
  for (let y = DSE_FIRST; y >= 1970; y--) out.push(Math.round(Date.UTC(y, 0, 1) / 864e5));
  return out;
})();
var DAYS_SINCE_YEAR = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
var DAYS_SINCE_LEAPYEAR = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
function isLeap(y) {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}
function monthday(stamp) {
  let w = Math.floor(stamp / SECONDS_PER_DAY);
  let i = 0;
  let year = DSE_FIRST;
  while (DAYS_SINCE_EPOCH[i] > w) {
    i++;
    year--;
  }
  w -= DAYS_SINCE_EPOCH[i];
  const tbl = isLeap(year) ? DAYS_SINCE_LEAPYEAR : DAYS_SINCE_YEAR;
  for (i = tbl.length - 1; i > 0 && tbl[i] > w; i--) ;
  return w - tbl[i] + 1 & 255;
}
function two2(n) {
  return String(n).padStart(2, "0");
}
function daytime(t) {
  return `${two2(Math.floor(t / 3600))}:${two2(Math.floor(t / 60) % 60)}:${two2(t % 60)}`;
}
function printDate(date, command) {
  if (date === 0) return "";
  const d = new Date(date * 1e3);
  const ymd = `${String(d.getUTCFullYear()).padStart(4, "0")}-${two2(d.getUTCMonth() + 1)}-${two2(d.getUTCDate())}`;
  const hms = `${two2(d.getUTCHours())}:${two2(d.getUTCMinutes())}:${two2(d.getUTCSeconds())}`;
  return command !== null ? ` ${command} ${ymd}T${hms}` : ` ${ymd} ${hms}`;
}
function printMonthdays(mask, human) {
  const days = [];
  for (let i = 1; i <= 31; i++) {
    if (!(mask >>> i & 1)) continue;
    let s = String(i);
    if (human) s += i % 10 === 1 ? "st" : i % 10 === 2 ? "nd" : i % 10 === 3 ? "rd" : "th";
    days.push(s);
  }
  return ` ${days.join(",")}`;
}
function printWeekdays(mask) {
  const days = [];
  for (let i = 1; i <= 7; i++) if (mask & 1 << i) days.push(WEEK_DAYS[i]);
  return ` ${days.join(",")}`;
}
function saveText4(d) {
  let out = "";
  if (d.daytimeStart !== MIN_DAYTIME || d.daytimeStop !== MAX_DAYTIME)
    out += ` --timestart ${daytime(d.daytimeStart)} --timestop ${daytime(d.daytimeStop)}`;
  if (d.monthdays !== ALL_MONTHDAYS) out += ` --monthdays${printMonthdays(d.monthdays, false)}`;
  if (d.weekdays !== ALL_WEEKDAYS) out += ` --weekdays${printWeekdays(d.weekdays)}`;
  out += printDate(d.dateStart, "--datestart");
  out += printDate(d.dateStop, "--datestop");
  if (d.flags & TIME_LOCAL_TZ) out += " --kerneltz";
  if (d.flags & TIME_CONTIGUOUS) out += " --contiguous";
  return out;
}
var timeMatch = defineMatch({
  name: "time",
  revision: 0,
  options: [
    { name: "datestart", id: O_DATE_START, type: 10 /* STRING */ },
    { name: "datestop", id: O_DATE_STOP, type: 10 /* STRING */ },
    { name: "timestart", id: O_TIME_START, type: 10 /* STRING */ },
    { name: "timestop", id: O_TIME_STOP, type: 10 /* STRING */ },
    { name: "contiguous", id: O_TIME_CONTIGUOUS, type: 0 /* NONE */ },
    { name: "weekdays", id: O_WEEKDAYS, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "monthdays", id: O_MONTHDAYS, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "localtz", id: O_LOCAL_TZ, type: 0 /* NONE */, excl: F_UTC },
    { name: "utc", id: O_UTC, type: 0 /* NONE */, excl: F_LOCAL_TZ | F_KERNEL_TZ },
    { name: "kerneltz", id: O_KERNEL_TZ, type: 0 /* NONE */, excl: F_UTC }
  ],
  init: () => ({
    dateStart: 0,
    dateStop: INT_MAX,
    daytimeStart: MIN_DAYTIME,
    daytimeStop: MAX_DAYTIME,
    monthdays: ALL_MONTHDAYS,
    weekdays: ALL_WEEKDAYS,
    flags: 0
  }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_DATE_START:
        d.dateStart = parseDate(cb.arg);
        break;
      case O_DATE_STOP:
        d.dateStop = parseDate(cb.arg);
        break;
      case O_TIME_START:
        d.daytimeStart = parseDaytime(cb.arg);
        break;
      case O_TIME_STOP:
        d.daytimeStop = parseDaytime(cb.arg);
        break;
      case O_TIME_CONTIGUOUS:
        d.flags |= TIME_CONTIGUOUS;
        break;
      case O_LOCAL_TZ:
        cb.warn?.(
          'WARNING: --localtz is being replaced by --kerneltz, since "local" is ambiguous. Note the kernel timezone has caveats - see manpage for details.\n'
        );
        d.flags |= TIME_LOCAL_TZ;
        break;
      case O_KERNEL_TZ:
        d.flags |= TIME_LOCAL_TZ;
        break;
      case O_MONTHDAYS:
        d.monthdays = parseMonthdays(cb.arg);
        if (cb.invert) d.monthdays = (d.monthdays ^ ALL_MONTHDAYS) >>> 0;
        break;
      case O_WEEKDAYS:
        d.weekdays = parseWeekdays(cb.arg) & 255;
        if (cb.invert) d.weekdays = (d.weekdays ^ ALL_WEEKDAYS) & 255;
        break;
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    if (cb.xflags & F_TIME_CONTIGUOUS && d.daytimeStart < d.daytimeStop)
      throw paramError("time: --contiguous only makes sense when stoptime is smaller than starttime");
  },
  print(d) {
    let out = " TIME";
    if (d.daytimeStart !== MIN_DAYTIME || d.daytimeStop !== MAX_DAYTIME)
      out += ` from ${daytime(d.daytimeStart)} to ${daytime(d.daytimeStop)}`;
    if (d.weekdays !== ALL_WEEKDAYS) out += ` on${printWeekdays(d.weekdays)}`;
    if (d.monthdays !== ALL_MONTHDAYS) out += ` on${printMonthdays(d.monthdays, true)}`;
    if (d.dateStart !== 0) out += ` starting from${printDate(d.dateStart, null)}`;
    if (d.dateStop !== INT_MAX) out += ` until date${printDate(d.dateStop, null)}`;
    if (!(d.flags & TIME_LOCAL_TZ)) out += " UTC";
    if (d.flags & TIME_CONTIGUOUS) out += " contiguous";
    return out;
  },
  save: (d) => saveText4(d),
  compile(d) {
    const dateStart = d.dateStart >>> 0;
    const dateStop = d.dateStop >>> 0;
    const tStart = d.daytimeStart >>> 0;
    const tStop = d.daytimeStop >>> 0;
    const contiguous = (d.flags & TIME_CONTIGUOUS) !== 0;
    const weekdays = d.weekdays >>> 0;
    const monthdays = d.monthdays >>> 0;
    const allMonthdays = monthdays === ALL_MONTHDAYS;
    return (_p, ctx) => {
      let stamp = wallSeconds(ctx);
      if (stamp < dateStart || stamp > dateStop) return false;
      const packetTime = stamp % SECONDS_PER_DAY;
      if (tStart < tStop) {
        if (packetTime < tStart || packetTime > tStop) return false;
      } else {
        if (packetTime < tStart && packetTime > tStop) return false;
        if (contiguous && packetTime <= tStop) stamp -= SECONDS_PER_DAY;
      }
      const weekday = (4 + Math.floor(stamp / SECONDS_PER_DAY) - 1) % 7 + 1;
      if (!(weekdays & 1 << weekday)) return false;
      if (!allMonthdays && !(monthdays & 1 << (monthday(stamp) & 31))) return false;
      return true;
    };
  },
  // bit 0 of either day mask is stored but never printed
  compareKey: (d) => `${saveText4(d)}\0${d.monthdays}/${d.weekdays}`,
  help: () => "time match options:\n    --datestart time     Start and stop time, to be given in ISO 8601\n    --datestop time      (YYYY[-MM[-DD[Thh[:mm[:ss]]]]])\n    --timestart time     Start and stop daytime (hh:mm[:ss])\n    --timestop time      (between 00:00:00 and 23:59:59)\n[!] --monthdays value    List of days on which to match, separated by comma\n                         (Possible days: 1 to 31; defaults to all)\n[!] --weekdays value     List of weekdays on which to match, sep. by comma\n                         (Possible days: Mon,Tue,Wed,Thu,Fri,Sat,Sun or 1 to 7\n                         Defaults to all weekdays.)\n    --kerneltz           Work with the kernel timezone instead of UTC\n"
});

// src/extensions/u32.ts
var U32_AND = 0;
var U32_LEFTSH = 1;
var U32_RIGHTSH = 2;
var U32_AT = 3;
var MAXSIZE = 10;
var OPS = ["&", "<<", ">>", "@"];
function u32Error(msg) {
  throw paramError(`u32: ${msg}`);
}
function parseTests(argText) {
  const arg = byteString(argText);
  const tests = [];
  let ct = { location: [], value: [] };
  let pos = 0;
  let state = 0;
  const number = () => {
    const r = xtStrtoul(arg.slice(pos), 0, 4294967295);
    if (!r.ok || r.end === 0) u32Error(`at char ${pos}: not a number or out of range`);
    pos += r.end;
    return r.value;
  };
  for (; ; ) {
    while (cIsSpace(arg[pos])) pos++;
    if (pos >= arg.length) {
      if (state === 0) u32Error("abrupt end of input after location specifier");
      if (ct.value.length === 0) u32Error("test ended with no value specified");
      tests.push(ct);
      if (tests.length > MAXSIZE) u32Error(`at char ${pos}: too many "&&"s`);
      return tests;
    }
    if (state === 0) {
      if (arg[pos] === "=") {
        if (ct.location.length === 0) u32Error(`at char ${pos}: location spec missing`);
        pos++;
        state = 1;
        continue;
      }
      let op = U32_AND;
      if (ct.location.length !== 0) {
        const c = arg[pos];
        if (c === "&") op = U32_AND;
        else if (c === "<") {
          if (arg[++pos] !== "<") u32Error(`at char ${pos}: a second '<' was expected`);
          op = U32_LEFTSH;
        } else if (c === ">") {
          if (arg[++pos] !== ">") u32Error(`at char ${pos}: a second '>' was expected`);
          op = U32_RIGHTSH;
        } else if (c === "@") op = U32_AT;
        else u32Error(`at char ${pos}: operator expected`);
        pos++;
      }
      ct.location.push([number(), op]);
      if (ct.location.length > MAXSIZE) u32Error(`at char ${pos}: too many operators`);
    } else if (arg[pos] === "&") {
      if (arg[++pos] !== "&") u32Error(`at char ${pos}: a second '&' was expected`);
      if (ct.value.length === 0) u32Error(`at char ${pos}: value spec missing`);
      tests.push(ct);
      ct = { location: [], value: [] };
      if (tests.length > MAXSIZE) u32Error(`at char ${pos}: too many "&&"s`);
      pos++;
      state = 0;
    } else {
      if (ct.value.length > 0) {
        if (arg[pos] !== ",") u32Error(`at char ${pos}: expected "," or "&&"`);
        pos++;
      }
      const min = number();
      while (cIsSpace(arg[pos])) pos++;
      let max = min;
      if (arg[pos] === ":") {
        pos++;
        max = number();
      }
      ct.value.push([min, max]);
      if (ct.value.length > MAXSIZE) u32Error(`at char ${pos}: too many ","s`);
    }
  }
}
function hx2(n) {
  return `0x${(n >>> 0).toString(16)}`;
}
function dump(d) {
  const tests = d.tests.map((t) => {
    let s = hx2(t.location[0][0]);
    for (let i = 1; i < t.location.length; i++) s += OPS[t.location[i][1]] + hx2(t.location[i][0]);
    s += "=";
    s += t.value.map(([min, max]) => min === max ? hx2(min) : `${hx2(min)}:${hx2(max)}`).join(",");
    return s;
  });
  return ` "${tests.join("&&")}"`;
}
var u32Match = defineMatch({
  name: "u32",
  revision: 0,
  options: [{ name: "u32", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND | XTOPT_INVERT }],
  init: () => ({ tests: [], invert: 0 }),
  parse(cb) {
    cb.data.invert = cb.invert ? 1 : 0;
    cb.data.tests = parseTests(cb.arg);
  },
  compile(d) {
    const tests = d.tests.map((t) => ({
      start: t.location[0][0] >>> 0,
      ops: Int32Array.from(t.location.slice(1).map(([, op]) => op)),
      nums: Uint32Array.from(t.location.slice(1).map(([n]) => n >>> 0)),
      mins: Uint32Array.from(t.value.map(([min]) => min >>> 0)),
      maxs: Uint32Array.from(t.value.map(([, max]) => max >>> 0))
    }));
    const inv2 = d.invert !== 0;
    const word = (b, o) => (b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]) >>> 0;
    const run3 = (b) => {
      const len = b.length;
      for (const t of tests) {
        let at = 0;
        let pos = t.start;
        if (len < 4 || pos > len - 4) return false;
        let val = word(b, pos);
        for (let i = 0; i < t.ops.length; i++) {
          const n = t.nums[i];
          switch (t.ops[i]) {
            case U32_AND:
              val = (val & n) >>> 0;
              break;
            case U32_LEFTSH:
              val = val << (n & 31) >>> 0;
              break;
            case U32_RIGHTSH:
              val = val >>> (n & 31);
              break;
            case U32_AT:
              if (at + val > 4294967295) return false;
              at += val;
              pos = n;
              if (at + 4 > 4294967295 || len < at + 4 || pos > len - at - 4) return false;
              val = word(b, at + pos);
              break;
          }
        }
        let ok = false;
        for (let i = 0; i < t.mins.length; i++) {
          if (t.mins[i] <= val && val <= t.maxs[i]) {
            ok = true;
            break;
          }
        }
        if (!ok) return false;
      }
      return true;
    };
    return (p) => run3(ipBytes(p)) !== inv2;
  },
  print: (d) => ` u32${d.invert ? " !" : ""}${dump(d)}`,
  save: (d) => `${d.invert ? " !" : ""} --u32${dump(d)}`,
  help: () => 'u32 match options:\n[!] --u32 tests\n		tests := location "=" value | tests "&&" location "=" value\n		value := range | value "," range\n		range := number | number ":" number\n		location := number | location operator number\n		operator := "&" | "<<" | ">>" | "@"\n'
});

// src/extensions/groups/misc1.ts
var matches3 = [
  statisticMatch,
  limitMatch,
  hashlimitMatch,
  recentMatch,
  quotaMatch,
  timeMatch,
  cpuMatch,
  u32Match,
  stringMatch,
  bpfMatch,
  nfacctMatch,
  rateestMatch
];
var targets3 = [];

// src/extensions/groups/misc2.ts
var misc2_exports = {};
__export(misc2_exports, {
  matches: () => matches4,
  targets: () => targets4
});

// src/extensions/misc2-util.ts
function asciiLower(s) {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
function asciiEqualsIgnoreCase(a, b) {
  return a.length === b.length && asciiLower(a) === asciiLower(b);
}
function hex08(n) {
  return (n >>> 0).toString(16).padStart(8, "0");
}
function hexU(n) {
  return (n >>> 0).toString(16);
}
function structKey(name, data) {
  return ` ${name}:${JSON.stringify(data, (_k, v) => typeof v === "bigint" ? `${v}n` : v)}`;
}
function parseInterfaceName(arg, warn) {
  if (arg.length + 1 > 16) throw paramError(`interface name \`${arg}' must be shorter than IFNAMSIZ (15)`);
  if (arg.length > 0 && (arg.includes("/") || arg.includes(" ")))
    warn?.(`Warning: weird character in interface \`${arg}' ('/' and ' ' are not allowed by the kernel).
`);
  return arg;
}
function lmapName2Id(lmap, name) {
  for (const [id, n] of lmap) if (n === name) return id;
  return -1;
}
function lmapId2Name(lmap, id) {
  for (const [i, n] of lmap) if (i === id) return n;
  return void 0;
}
function parseValMask2(extName, optName, arg, lmap) {
  const badVal = () => paramError(`${extName}: bad integer value for option "--${optName}", or out of range.
`);
  const name2val = () => {
    const v = lmapName2Id(lmap, arg);
    if (v === -1)
      throw paramError(`${extName}: could not map name ${arg} to an integer value for option "--${optName}".
`);
    return [v >>> 0, 4294967295];
  };
  const r = xtStrtoul(arg, 0, 4294967295);
  if (!r.ok) {
    if (lmap) return name2val();
    throw badVal();
  }
  if (r.end === arg.length) return [r.value, 4294967295];
  if (arg[r.end] !== "/") {
    if (lmap) return name2val();
    throw paramError(`${extName}: trailing garbage after value for option "--${optName}".
`);
  }
  const rest = arg.slice(r.end + 1);
  const m = xtStrtoul(rest, 0, 4294967295);
  if (!m.ok) throw badVal();
  if (m.end === rest.length) return [r.value, m.value];
  throw paramError(`${extName}: trailing garbage after value for option "--${optName}".
`);
}
function printValMaskNamed(val, mask, lmap) {
  if (mask >>> 0 !== 4294967295) return ` 0x${hexU(val)}/0x${hexU(mask)}`;
  if (lmap) {
    const name = lmapId2Name(lmap, val >>> 0);
    if (name !== void 0) return ` ${name}`;
  }
  return ` 0x${hexU(val)}`;
}

// src/extensions/addrtype.ts
var RTN_NAMES = [
  "UNSPEC",
  "UNICAST",
  "LOCAL",
  "BROADCAST",
  "ANYCAST",
  "MULTICAST",
  "BLACKHOLE",
  "UNREACHABLE",
  "PROHIBIT",
  "THROW",
  "NAT",
  "XRESOLVE"
];
var INVERT_SOURCE = 1;
var INVERT_DEST = 2;
var LIMIT_IFACE_IN = 4;
var LIMIT_IFACE_OUT = 8;
var O_SRC_TYPE = 0;
var O_DST_TYPE = 1;
var O_LIMIT_IFACE_IN = 2;
var O_LIMIT_IFACE_OUT = 3;
function parseType(name) {
  const lower = asciiLower(name);
  for (let i = 0; i < RTN_NAMES.length; i++) {
    const full = RTN_NAMES[i];
    if (name.length <= full.length && asciiLower(full.slice(0, name.length)) === lower) return 1 << i;
  }
  return void 0;
}
function parseTypes2(arg) {
  let mask = 0;
  let rest = arg;
  for (let comma = rest.indexOf(","); comma >= 0; comma = rest.indexOf(",")) {
    const bit2 = comma === 0 ? void 0 : parseType(rest.slice(0, comma));
    if (bit2 === void 0) throw paramError(`addrtype: bad type \`${rest}'`);
    mask |= bit2;
    rest = rest.slice(comma + 1);
  }
  const bit = rest.length === 0 ? void 0 : parseType(rest);
  if (bit === void 0) throw paramError(`addrtype: bad type "${rest}"`);
  return mask | bit;
}
function typesText(mask) {
  return RTN_NAMES.filter((_n, i) => mask & 1 << i).join(",");
}
var addrtypeMatch = defineMatch({
  name: "addrtype",
  revision: 1,
  options: [
    { name: "src-type", id: O_SRC_TYPE, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "dst-type", id: O_DST_TYPE, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "limit-iface-in", id: O_LIMIT_IFACE_IN, type: 0 /* NONE */, excl: 1 << O_LIMIT_IFACE_OUT },
    { name: "limit-iface-out", id: O_LIMIT_IFACE_OUT, type: 0 /* NONE */, excl: 1 << O_LIMIT_IFACE_IN }
  ],
  init: () => ({ source: 0, dest: 0, flags: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_SRC_TYPE:
        d.source |= parseTypes2(cb.arg);
        if (cb.invert) d.flags |= INVERT_SOURCE;
        break;
      case O_DST_TYPE:
        d.dest |= parseTypes2(cb.arg);
        if (cb.invert) d.flags |= INVERT_DEST;
        break;
      case O_LIMIT_IFACE_IN:
        d.flags |= LIMIT_IFACE_IN;
        break;
      case O_LIMIT_IFACE_OUT:
        d.flags |= LIMIT_IFACE_OUT;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & (1 << O_SRC_TYPE | 1 << O_DST_TYPE)))
      throw paramError("addrtype: you must specify --src-type or --dst-type");
  },
  print(d) {
    let out = " ADDRTYPE match";
    if (d.source) out += ` src-type ${d.flags & INVERT_SOURCE ? "!" : ""}${typesText(d.source)}`;
    if (d.dest) out += ` dst-type ${d.flags & INVERT_DEST ? "!" : ""}${typesText(d.dest)}`;
    if (d.flags & LIMIT_IFACE_IN) out += " limit-in";
    if (d.flags & LIMIT_IFACE_OUT) out += " limit-out";
    return out;
  },
  save(d) {
    let out = "";
    if (d.source) out += `${d.flags & INVERT_SOURCE ? " !" : ""} --src-type ${typesText(d.source)}`;
    if (d.dest) out += `${d.flags & INVERT_DEST ? " !" : ""} --dst-type ${typesText(d.dest)}`;
    if (d.flags & LIMIT_IFACE_IN) out += " --limit-iface-in";
    if (d.flags & LIMIT_IFACE_OUT) out += " --limit-iface-out";
    return out;
  },
  compareKey: (d) => structKey("addrtype", d),
  compile(d) {
    const { source, dest } = d;
    const invSrc = (d.flags & INVERT_SOURCE) !== 0;
    const invDst = (d.flags & INVERT_DEST) !== 0;
    const limIn = (d.flags & LIMIT_IFACE_IN) !== 0;
    const limOut = !limIn && (d.flags & LIMIT_IFACE_OUT) !== 0;
    return (p, ctx) => {
      const dev = limIn ? p.inDev : limOut ? p.outDev : "";
      if (source && (source & 1 << ctx.net.addrType(p.src, dev)) !== 0 === invSrc) return false;
      if (dest && (dest & 1 << ctx.net.addrType(p.dst, dev)) !== 0 === invDst) return false;
      return true;
    };
  },
  kernelCheck(d, ctx) {
    if (!ctx.checkentry) return void 0;
    if (d.flags & LIMIT_IFACE_IN && d.flags & LIMIT_IFACE_OUT) return { errno: "EINVAL" };
    if (ctx.hookMask & (HOOK_PRE | HOOK_IN) && d.flags & LIMIT_IFACE_OUT) return { errno: "EINVAL" };
    if (ctx.hookMask & (HOOK_POST | HOOK_OUT) && d.flags & LIMIT_IFACE_IN) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "Address type match options:\n [!] --src-type type[,...]      Match source address type\n [!] --dst-type type[,...]      Match destination address type\n     --limit-iface-in           Match only on the packet's incoming device\n     --limit-iface-out          Match only on the packet's outgoing device\n\nValid types:           \n" + RTN_NAMES.map((n) => `                                ${n}
`).join("")
});

// src/extensions/cgroup.ts
var PATH_MAX_V2 = 512;
var O_CLASSID = 0;
var O_PATH = 1;
function cgroupPathExists(path) {
  return path.split("/").every((c) => c === "");
}
var cgroupMatch = defineMatch({
  name: "cgroup",
  revision: 2,
  options: [
    { name: "path", id: O_PATH, type: 10 /* STRING */, flags: XTOPT_INVERT | XTOPT_PUT, size: PATH_MAX_V2, put: "path" },
    { name: "cgroup", id: O_CLASSID, type: 3 /* UINT32 */, flags: XTOPT_INVERT | XTOPT_PUT, put: "classid" }
  ],
  init: () => ({ hasPath: 0, hasClassid: 0, invertPath: 0, invertClassid: 0, path: "", classid: 0 }),
  parse(cb) {
    const d = cb.data;
    if (cb.entry.id === O_PATH) {
      d.hasPath = 1;
      if (cb.invert) d.invertPath = 1;
    } else {
      d.hasClassid = 1;
      if (cb.invert) d.invertClassid = 1;
    }
  },
  print(d) {
    let out = " cgroup";
    if (d.hasPath) out += ` ${d.invertPath ? "! " : ""}${d.path}`;
    if (d.hasClassid) out += ` ${d.invertClassid ? "! " : ""}${d.classid >>> 0}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.hasPath) out += `${d.invertPath ? " !" : ""} --path${saveString(d.path)}`;
    if (d.hasClassid) out += `${d.invertClassid ? " !" : ""} --cgroup ${d.classid >>> 0}`;
    return out;
  },
  compareKey: (d) => structKey("cgroup", d),
  compile(d) {
    const result = d.hasPath ? d.invertPath === 0 : d.classid >>> 0 === 0 !== (d.invertClassid !== 0);
    return (p) => p.uid >= 0 && result;
  },
  kernelCheck(d, ctx) {
    if (ctx.hookMask & ~(HOOK_OUT | HOOK_POST | HOOK_IN)) return { errno: "EINVAL" };
    if (!ctx.checkentry) return void 0;
    if (!d.hasPath && !d.hasClassid) return { errno: "EINVAL" };
    if (d.hasPath && d.hasClassid) return { errno: "EINVAL" };
    if (d.hasPath && !cgroupPathExists(d.path)) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "cgroup match options:\n[!] --path path                 Recursively match path relative to cgroup2 root\n[!] --cgroup classid            Match cgroup classid, can't be used with --path\n"
});

// src/extensions/cluster.ts
var XT_CLUSTER_NODES_MAX = 32;
var XT_CLUSTER_F_INV = 1 << 0;
var O_TOTAL_NODES = 0;
var O_LOCAL_NODE = 1;
var O_LOCAL_NODEMASK = 2;
var O_HASH_SEED = 3;
var F_TOTAL_NODES = 1 << O_TOTAL_NODES;
var F_LOCAL_NODE = 1 << O_LOCAL_NODE;
var F_LOCAL_NODEMASK = 1 << O_LOCAL_NODEMASK;
var F_HASH_SEED = 1 << O_HASH_SEED;
var clusterMatch = defineMatch({
  name: "cluster",
  revision: 0,
  options: [
    {
      name: "cluster-total-nodes",
      id: O_TOTAL_NODES,
      type: 3 /* UINT32 */,
      min: 1,
      max: XT_CLUSTER_NODES_MAX,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "totalNodes"
    },
    {
      name: "cluster-local-node",
      id: O_LOCAL_NODE,
      type: 3 /* UINT32 */,
      excl: F_LOCAL_NODEMASK,
      flags: XTOPT_INVERT,
      min: 1,
      max: XT_CLUSTER_NODES_MAX
    },
    {
      name: "cluster-local-nodemask",
      id: O_LOCAL_NODEMASK,
      type: 3 /* UINT32 */,
      excl: F_LOCAL_NODE,
      min: 1,
      max: XT_CLUSTER_NODES_MAX,
      flags: XTOPT_INVERT | XTOPT_PUT,
      put: "nodeMask"
    },
    { name: "cluster-hash-seed", id: O_HASH_SEED, type: 3 /* UINT32 */, flags: XTOPT_MAND | XTOPT_PUT, put: "hashSeed" }
  ],
  init: () => ({ totalNodes: 0, nodeMask: 0, hashSeed: 0, flags: 0 }),
  parse(cb) {
    const d = cb.data;
    if (cb.entry.id === O_LOCAL_NODE) {
      if (cb.invert) d.flags |= XT_CLUSTER_F_INV;
      d.nodeMask = 1 << cb.val.u - 1 >>> 0;
    } else if (cb.entry.id === O_LOCAL_NODEMASK) {
      if (cb.invert) d.flags |= XT_CLUSTER_F_INV;
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    const tooBig = () => BigInt(d.nodeMask >>> 0) >= 1n << BigInt(d.totalNodes);
    let test = F_TOTAL_NODES | F_LOCAL_NODE | F_HASH_SEED;
    if ((cb.xflags & test) === test) {
      if (tooBig()) throw paramError("cluster match: `--cluster-local-node' must be <= `--cluster-total-nodes'");
      return;
    }
    test = F_TOTAL_NODES | F_LOCAL_NODEMASK | F_HASH_SEED;
    if ((cb.xflags & test) === test) {
      if (tooBig()) throw paramError("cluster match: `--cluster-local-nodemask' too big for `--cluster-total-nodes'");
      return;
    }
    if (!(cb.xflags & (F_LOCAL_NODE | F_LOCAL_NODEMASK)))
      throw paramError("cluster match: `--cluster-local-node' or`--cluster-local-nodemask' is missing");
  },
  print: (d) => ` cluster ${d.flags & XT_CLUSTER_F_INV ? "!" : ""}node_mask=0x${hex08(d.nodeMask)} total_nodes=${d.totalNodes} hash_seed=0x${hex08(d.hashSeed)}`,
  save: (d) => `${d.flags & XT_CLUSTER_F_INV ? " !" : ""} --cluster-local-nodemask 0x${hex08(d.nodeMask)} --cluster-total-nodes ${d.totalNodes} --cluster-hash-seed 0x${hex08(d.hashSeed)}`,
  compareKey: (d) => structKey("cluster", d),
  compile(d) {
    const seed = d.hashSeed >>> 0;
    const nodes = d.totalNodes >>> 0;
    const mask = d.nodeMask >>> 0;
    const inv2 = (d.flags & XT_CLUSTER_F_INV) !== 0;
    return (p) => {
      if (p.dst >>> 28 !== 14 && p.pktType === PACKET_MULTICAST) p.pktType = PACKET_HOST;
      let ct = p.ct;
      if (!ct) return false;
      if (ct.master) ct = ct.master;
      const h = jhash1word(bswap32(ct.tuple[0].src >>> 0), seed);
      const node = Math.floor(h * nodes / 4294967296);
      return (1 << node & mask) !== 0 !== inv2;
    };
  },
  kernelCheck(d, ctx) {
    if (!ctx.checkentry) return void 0;
    if (d.totalNodes > XT_CLUSTER_NODES_MAX) return { errno: "EINVAL" };
    if (BigInt(d.nodeMask >>> 0) >= 1n << BigInt(d.totalNodes)) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "cluster match options:\n  --cluster-total-nodes <num>		Set number of total nodes in cluster\n  [!] --cluster-local-node <num>	Set the local node number\n  [!] --cluster-local-nodemask <num>	Set the local node mask\n  --cluster-hash-seed <num>		Set seed value of the Jenkins hash\n"
});

// src/extensions/devgroup.ts
var DEVGROUPS = [[0, "default"]];
var MATCH_SRC = 1;
var INVERT_SRC = 2;
var MATCH_DST = 4;
var INVERT_DST = 8;
var O_SRC_GROUP = 0;
var O_DST_GROUP = 1;
function show(pfx, d, numeric) {
  let out = "";
  if (d.flags & MATCH_SRC) {
    if (d.flags & INVERT_SRC) out += " !";
    out += ` ${pfx}src-group${printValMaskNamed(d.srcGroup, d.srcMask, numeric ? void 0 : DEVGROUPS)}`;
  }
  if (d.flags & MATCH_DST) {
    if (d.flags & INVERT_DST) out += " !";
    out += ` ${pfx}dst-group${printValMaskNamed(d.dstGroup, d.dstMask, numeric ? void 0 : DEVGROUPS)}`;
  }
  return out;
}
var devgroupMatch = defineMatch({
  name: "devgroup",
  revision: 0,
  options: [
    { name: "src-group", id: O_SRC_GROUP, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "dst-group", id: O_DST_GROUP, type: 10 /* STRING */, flags: XTOPT_INVERT }
  ],
  init: () => ({ flags: 0, srcGroup: 0, srcMask: 0, dstGroup: 0, dstMask: 0 }),
  parse(cb) {
    const d = cb.data;
    const [group, mask] = parseValMask2(cb.extName, cb.entry.name, cb.arg, DEVGROUPS);
    if (cb.entry.id === O_SRC_GROUP) {
      d.srcGroup = group;
      d.srcMask = mask;
      d.flags |= MATCH_SRC;
      if (cb.invert) d.flags |= INVERT_SRC;
    } else {
      d.dstGroup = group;
      d.dstMask = mask;
      d.flags |= MATCH_DST;
      if (cb.invert) d.flags |= INVERT_DST;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("devgroup match: You must specify either '--src-group' or '--dst-group'");
  },
  print: (d, ctx) => show("", d, ctx.numeric),
  // devgroup_save() passes numeric = 0: names appear in saved rules too
  save: (d) => show("--", d, false),
  compareKey: (d) => structKey("devgroup", d),
  compile(d) {
    const src = (d.flags & MATCH_SRC) !== 0;
    const dst = (d.flags & MATCH_DST) !== 0;
    const invSrc = (d.flags & INVERT_SRC) !== 0;
    const invDst = (d.flags & INVERT_DST) !== 0;
    const { srcGroup, srcMask, dstGroup, dstMask } = d;
    return (p, ctx) => {
      if (src && ((srcGroup ^ ctx.net.devGroup(p.inDev)) & srcMask) === 0 === invSrc) return false;
      if (dst && ((dstGroup ^ ctx.net.devGroup(p.outDev)) & dstMask) === 0 === invDst) return false;
      return true;
    };
  },
  kernelCheck(d, ctx) {
    if (!ctx.checkentry) return void 0;
    if (d.flags & MATCH_SRC && ctx.hookMask & ~(HOOK_PRE | HOOK_IN | HOOK_FWD)) return { errno: "EINVAL" };
    if (d.flags & MATCH_DST && ctx.hookMask & ~(HOOK_FWD | HOOK_OUT | HOOK_POST)) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "devgroup match options:\n[!] --src-group value[/mask]	Match device group of incoming device\n[!] --dst-group value[/mask]	Match device group of outgoing device\n"
});

// src/extensions/iprange.ts
var IPRANGE_SRC = 1;
var IPRANGE_DST = 2;
var IPRANGE_SRC_INV = 16;
var IPRANGE_DST_INV = 32;
var O_SRC_RANGE = 0;
var O_DST_RANGE = 1;
function parseAddr2(spec, optname) {
  const a = numericToIPv4(spec);
  if (a === void 0) throw paramError(`iprange: Bad value for "${optname}" option: "${spec}"`);
  return a;
}
function parseRange2(cb, optname) {
  const arg = cb.arg;
  const dash = arg.indexOf("-");
  if (dash < 0) {
    const a = parseAddr2(arg, optname);
    return [a, parseAddr2(arg, optname)];
  }
  const from = arg.slice(0, dash);
  const to = arg.slice(dash + 1);
  const lo = parseAddr2(from, optname);
  const hi = parseAddr2(to, optname);
  if (lo > hi) cb.warn?.(`xt_iprange: range ${from}-${to} is reversed and will never match
`);
  return [lo, hi];
}
var iprangeMatch = defineMatch({
  name: "iprange",
  revision: 1,
  options: [
    { name: "src-range", id: O_SRC_RANGE, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "dst-range", id: O_DST_RANGE, type: 10 /* STRING */, flags: XTOPT_INVERT }
  ],
  init: () => ({ flags: 0, srcMin: 0, srcMax: 0, dstMin: 0, dstMax: 0 }),
  parse(cb) {
    const d = cb.data;
    if (cb.entry.id === O_SRC_RANGE) {
      [d.srcMin, d.srcMax] = parseRange2(cb, "--src-range");
      d.flags |= IPRANGE_SRC;
      if (cb.invert) d.flags |= IPRANGE_SRC_INV;
    } else {
      [d.dstMin, d.dstMax] = parseRange2(cb, "--dst-range");
      d.flags |= IPRANGE_DST;
      if (cb.invert) d.flags |= IPRANGE_DST_INV;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("iprange match: You must specify `--src-range' or `--dst-range'");
  },
  print(d) {
    let out = "";
    if (d.flags & IPRANGE_SRC)
      out += ` source IP range${d.flags & IPRANGE_SRC_INV ? " !" : ""} ${formatIPv4(d.srcMin)}-${formatIPv4(d.srcMax)}`;
    if (d.flags & IPRANGE_DST)
      out += ` destination IP range${d.flags & IPRANGE_DST_INV ? " !" : ""} ${formatIPv4(d.dstMin)}-${formatIPv4(d.dstMax)}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.flags & IPRANGE_SRC)
      out += `${d.flags & IPRANGE_SRC_INV ? " !" : ""} --src-range ${formatIPv4(d.srcMin)}-${formatIPv4(d.srcMax)}`;
    if (d.flags & IPRANGE_DST)
      out += `${d.flags & IPRANGE_DST_INV ? " !" : ""} --dst-range ${formatIPv4(d.dstMin)}-${formatIPv4(d.dstMax)}`;
    return out;
  },
  compareKey: (d) => structKey("iprange", d),
  compile(d) {
    const src = (d.flags & IPRANGE_SRC) !== 0;
    const dst = (d.flags & IPRANGE_DST) !== 0;
    const invSrc = (d.flags & IPRANGE_SRC_INV) !== 0;
    const invDst = (d.flags & IPRANGE_DST_INV) !== 0;
    const [sMin, sMax, dMin, dMax] = [d.srcMin >>> 0, d.srcMax >>> 0, d.dstMin >>> 0, d.dstMax >>> 0];
    return (p) => {
      if (src) {
        const a = p.src >>> 0;
        if ((a < sMin || a > sMax) !== invSrc) return false;
      }
      if (dst) {
        const a = p.dst >>> 0;
        if ((a < dMin || a > dMax) !== invDst) return false;
      }
      return true;
    };
  },
  help: () => "iprange match options:\n[!] --src-range ip[-ip]    Match source IP in the specified range\n[!] --dst-range ip[-ip]    Match destination IP in the specified range\n"
});

// src/extensions/ipvs.ts
var XT_IPVS_IPVS_PROPERTY = 1 << 0;
var XT_IPVS_PROTO = 1 << 1;
var XT_IPVS_VADDR = 1 << 2;
var XT_IPVS_VPORT = 1 << 3;
var XT_IPVS_DIR = 1 << 4;
var XT_IPVS_METHOD = 1 << 5;
var XT_IPVS_VPORTCTL = 1 << 6;
var XT_IPVS_MASK = (1 << 7) - 1;
var XT_IPVS_ONCE_MASK = XT_IPVS_MASK & ~XT_IPVS_IPVS_PROPERTY;
var IP_VS_CONN_F_MASQ = 0;
var IP_VS_CONN_F_TUNNEL = 2;
var IP_VS_CONN_F_DROUTE = 3;
var O_IPVS = 0;
var O_VPROTO = 1;
var O_VADDR = 2;
var O_VPORT = 3;
var O_VDIR = 4;
var O_VMETHOD = 5;
var O_VPORTCTL = 6;
function dump2(d, numeric, prefix, db) {
  const inv2 = (bit) => d.invert & bit ? " !" : "";
  let out = "";
  if (d.bitmask === XT_IPVS_IPVS_PROPERTY) out += `${inv2(XT_IPVS_IPVS_PROPERTY)} ${prefix}ipvs`;
  if (d.bitmask & XT_IPVS_PROTO) out += `${inv2(XT_IPVS_PROTO)} ${prefix}vproto ${d.l4proto}`;
  if (d.bitmask & XT_IPVS_VADDR) {
    out += `${inv2(XT_IPVS_VADDR)} ${prefix}vaddr`;
    if (!numeric && d.vaddr === 0) out += " anywhere";
    else out += ` ${numeric ? formatIPv4(d.vaddr) : addrToAnyName(d.vaddr, db)}${maskSuffix(d.vmask)}`;
  }
  if (d.bitmask & XT_IPVS_VPORT) out += `${inv2(XT_IPVS_VPORT)} ${prefix}vport ${d.vport}`;
  if (d.bitmask & XT_IPVS_DIR) out += ` ${prefix}vdir ${d.invert & XT_IPVS_DIR ? "REPLY" : "ORIGINAL"}`;
  if (d.bitmask & XT_IPVS_METHOD) {
    const m = d.fwdMethod === IP_VS_CONN_F_DROUTE ? "GATE" : d.fwdMethod === IP_VS_CONN_F_TUNNEL ? "IPIP" : d.fwdMethod === IP_VS_CONN_F_MASQ ? "MASQ" : "UNKNOWN";
    out += `${inv2(XT_IPVS_METHOD)} ${prefix}vmethod ${m}`;
  }
  if (d.bitmask & XT_IPVS_VPORTCTL) out += `${inv2(XT_IPVS_VPORTCTL)} ${prefix}vportctl ${d.vportctl}`;
  return out;
}
var ipvsMatch = defineMatch({
  name: "ipvs",
  revision: 0,
  loadWarning: "Warning: Extension ipvs revision 0 not supported, missing kernel module?\n",
  options: [
    { name: "ipvs", id: O_IPVS, type: 0 /* NONE */, flags: XTOPT_INVERT },
    { name: "vproto", id: O_VPROTO, type: 16 /* PROTOCOL */, flags: XTOPT_INVERT | XTOPT_PUT, put: "l4proto" },
    { name: "vaddr", id: O_VADDR, type: 15 /* HOSTMASK */, flags: XTOPT_INVERT },
    { name: "vport", id: O_VPORT, type: 17 /* PORT */, flags: XTOPT_INVERT | XTOPT_PUT, put: "vport" },
    { name: "vdir", id: O_VDIR, type: 10 /* STRING */ },
    { name: "vmethod", id: O_VMETHOD, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "vportctl", id: O_VPORTCTL, type: 17 /* PORT */, flags: XTOPT_INVERT | XTOPT_PUT, put: "vportctl" }
  ],
  init: () => ({ vaddr: 0, vmask: 0, vport: 0, l4proto: 0, fwdMethod: 0, vportctl: 0, invert: 0, bitmask: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_VADDR:
        d.vaddr = cb.val.haddr;
        d.vmask = cb.val.hmask;
        break;
      case O_VDIR:
        if (asciiEqualsIgnoreCase(cb.arg, "ORIGINAL")) {
          d.bitmask |= XT_IPVS_DIR;
          d.invert &= ~XT_IPVS_DIR;
        } else if (asciiEqualsIgnoreCase(cb.arg, "REPLY")) {
          d.bitmask |= XT_IPVS_DIR;
          d.invert |= XT_IPVS_DIR;
        } else throw paramError(`ipvs: Bad value for "--vdir" option: "${cb.arg}"`);
        break;
      case O_VMETHOD:
        if (asciiEqualsIgnoreCase(cb.arg, "GATE")) d.fwdMethod = IP_VS_CONN_F_DROUTE;
        else if (asciiEqualsIgnoreCase(cb.arg, "IPIP")) d.fwdMethod = IP_VS_CONN_F_TUNNEL;
        else if (asciiEqualsIgnoreCase(cb.arg, "MASQ")) d.fwdMethod = IP_VS_CONN_F_MASQ;
        else throw paramError(`ipvs: Bad value for "--vmethod" option: "${cb.arg}"`);
        break;
    }
    d.bitmask |= 1 << cb.entry.id;
    if (cb.invert) d.invert |= 1 << cb.entry.id;
  },
  finalCheck(cb) {
    const d = cb.data;
    if (cb.xflags === 0) throw paramError("IPVS: At least one option is required");
    if (d.bitmask & XT_IPVS_ONCE_MASK) {
      if (d.invert & XT_IPVS_IPVS_PROPERTY) throw paramError("! --ipvs cannot be together with other options");
      d.bitmask |= XT_IPVS_IPVS_PROPERTY;
    }
  },
  print: (d, ctx) => dump2(d, ctx.numeric, "", ctx.db),
  save: (d, ctx) => dump2(d, true, "--", ctx.db),
  compareKey: (d) => structKey("ipvs", d),
  compile(d) {
    const bare = d.bitmask === XT_IPVS_IPVS_PROPERTY;
    const result = bare && (d.invert & XT_IPVS_IPVS_PROPERTY) !== 0;
    return () => result;
  },
  // No xt_ipvs in the kernel: nft_compat cannot find the match.
  kernelCheck: (_d, ctx) => ctx.checkentry ? { errno: "ENOENT" } : void 0,
  help: () => 'IPVS match options:\n[!] --ipvs                      packet belongs to an IPVS connection\n\nAny of the following options implies --ipvs (even negated)\n[!] --vproto protocol           VIP protocol to match; by number or name,\n                                e.g. "tcp"\n[!] --vaddr address[/mask]      VIP address to match\n[!] --vport port                VIP port to match; by number or name,\n                                e.g. "http"\n    --vdir {ORIGINAL|REPLY}     flow direction of packet\n[!] --vmethod {GATE|IPIP|MASQ}  IPVS forwarding method used\n[!] --vportctl port             VIP port of the controlling connection to\n                                match, e.g. 21 for FTP\n'
});

// src/extensions/mac.ts
var macMatch = defineMatch({
  name: "mac",
  revision: 0,
  options: [
    {
      name: "mac-source",
      id: 0,
      type: 21 /* ETHERMAC */,
      flags: XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT,
      put: "srcaddr"
    }
  ],
  init: () => ({ srcaddr: [0, 0, 0, 0, 0, 0], invert: 0 }),
  parse(cb) {
    if (cb.invert) cb.data.invert = 1;
  },
  print: (d) => ` MAC ${d.invert ? "! " : ""}${formatMac(d.srcaddr)}`,
  save: (d) => `${d.invert ? " !" : ""} --mac-source ${formatMac(d.srcaddr)}`,
  compareKey: (d) => structKey("mac", d),
  compile(d) {
    let want = 0;
    for (const b of d.srcaddr) want = want * 256 + (b & 255);
    const inv2 = d.invert !== 0;
    return (p) => {
      if (!p.hasMac || p.inDev === "lo" || p.inDev === "") return false;
      return p.macSrc === want !== inv2;
    };
  },
  // xt_mac: .hooks = PRE_ROUTING | LOCAL_IN | FORWARD
  kernelCheck: (_d, ctx) => ctx.hookMask & ~(HOOK_PRE | HOOK_IN | HOOK_FWD) ? { errno: "EINVAL" } : void 0,
  help: () => "mac match options:\n[!] --mac-source XX:XX:XX:XX:XX:XX\n				Match source MAC address\n"
});

// src/extensions/nf-log-dump.ts
var NF_LOG_TCPSEQ = 1;
var NF_LOG_TCPOPT = 2;
var NF_LOG_IPOPT = 4;
var NF_LOG_UID = 8;
var NF_LOG_MACDECODE = 32;
var NF_LOG_DEFAULT_MASK = 15;
var IP_CE = 32768;
var IPPROTO_UDPLITE2 = 136;
var IPPROTO_AH2 = 51;
var IPPROTO_ESP2 = 50;
var hex23 = (n) => n.toString(16).padStart(2, "0");
var HEX2 = (n) => n.toString(16).toUpperCase().padStart(2, "0");
function macText(m) {
  let s = "";
  for (let i = 5; i >= 0; i--) s += (s ? ":" : "") + hex23(Math.floor(m / 2 ** (8 * i)) % 256);
  return s;
}
function dumpMac(p, logflags) {
  const loop = p.inDev === "lo";
  if (logflags & NF_LOG_MACDECODE && !loop) {
    return `MACSRC=${macText(p.macSrc)} MACDST=${macText(p.macDst)} MACPROTO=0800 `;
  }
  if (!p.hasMac && !loop) return "MAC= ";
  const dst = loop ? 0 : p.macDst;
  const src = loop ? 0 : p.macSrc;
  return `MAC=${macText(dst)}:${macText(src)}:08:00 `;
}
function tcpPart(v, frag, logflags) {
  let out = "PROTO=TCP ";
  if (frag) return [out, false];
  const { p, avail } = v;
  if (avail < 20) return [`${out}INCOMPLETE [${avail} bytes] `, true];
  const raw = p.proto !== IPPROTO_TCP;
  const sport = raw ? rawU16(p, 0) : p.sport;
  const dport = raw ? rawU16(p, 2) : p.dport;
  out += `SPT=${sport} DPT=${dport} `;
  if (logflags & NF_LOG_TCPSEQ)
    out += `SEQ=${raw ? rawU32(p, 4) : p.seq >>> 0} ACK=${raw ? rawU32(p, 8) : p.ack >>> 0} `;
  const b12 = raw ? rawByte(p, 12) : 20 + (p.tcpOptions?.length ?? 0) << 2 | p.tcpRes & 15;
  const f = raw ? rawByte(p, 13) : p.tcpFlags;
  out += `WINDOW=${raw ? rawU16(p, 14) : p.window} `;
  out += `RES=0x${hex23((b12 & 14) << 2)} `;
  if (b12 & 1) out += "AE ";
  if (f & 128) out += "CWR ";
  if (f & 64) out += "ECE ";
  if (f & 32) out += "URG ";
  if (f & 16) out += "ACK ";
  if (f & 8) out += "PSH ";
  if (f & 4) out += "RST ";
  if (f & 2) out += "SYN ";
  if (f & 1) out += "FIN ";
  out += `URGP=${raw ? rawU16(p, 18) : p.urgPtr} `;
  const hl = (b12 >>> 4) * 4;
  if (logflags & NF_LOG_TCPOPT && hl > 20) {
    if (avail < hl) return [`${out}OPT (TRUNCATED)`, true];
    out += "OPT (";
    for (let i = 0; i < hl - 20; i++) out += HEX2(raw ? rawByte(p, 20 + i) : p.tcpOptions?.[i] ?? 0);
    out += ") ";
  }
  return [out, false];
}
function dumpIpv4(p, avail, logflags, nested) {
  let out = `SRC=${formatIPv4(p.src)} DST=${formatIPv4(p.dst)} `;
  out += `LEN=${totalLen(p)} TOS=0x${HEX2(p.tos & 30)} PREC=0x${HEX2(p.tos & 224)} TTL=${p.ttl} ID=${p.id} `;
  if (p.frag & IP_CE) out += "CE ";
  if (p.frag & IP_DF) out += "DF ";
  if (p.frag & IP_MF) out += "MF ";
  const off = p.frag & IP_OFFMASK;
  if (off) out += `FRAG:${off} `;
  if (logflags & NF_LOG_IPOPT && p.ipOptions && p.ipOptions.length) {
    out += "OPT (";
    for (const b of p.ipOptions) out += HEX2(b);
    out += ") ";
  }
  const frag = off !== 0;
  switch (p.proto) {
    case IPPROTO_TCP: {
      const [t, stop] = tcpPart({ p, avail }, frag, logflags);
      out += t;
      if (stop) return out;
      break;
    }
    case IPPROTO_UDP:
    case IPPROTO_UDPLITE2:
      out += p.proto === IPPROTO_UDP ? "PROTO=UDP " : "PROTO=UDPLITE ";
      if (!frag) {
        if (avail < 8) return `${out}INCOMPLETE [${avail} bytes] `;
        const raw = p.proto !== IPPROTO_UDP;
        const ulen = raw ? rawU16(p, 4) : totalLen(p) - p.ihl;
        out += `SPT=${raw ? rawU16(p, 0) : p.sport} DPT=${raw ? rawU16(p, 2) : p.dport} LEN=${ulen} `;
      }
      break;
    case IPPROTO_ICMP:
      out += "PROTO=ICMP ";
      if (frag) break;
      out += icmpPart(p, avail, logflags, nested);
      break;
    case IPPROTO_AH2:
      if (frag) break;
      out += "PROTO=AH ";
      out += avail < 12 ? `INCOMPLETE [${avail} bytes] ` : `SPI=0x${rawU32(p, 4).toString(16)} `;
      break;
    case IPPROTO_ESP2:
      out += "PROTO=ESP ";
      if (frag) break;
      out += avail < 8 ? `INCOMPLETE [${avail} bytes] ` : `SPI=0x${rawU32(p, 0).toString(16)} `;
      break;
    default:
      out += `PROTO=${p.proto} `;
  }
  if (!nested) {
    if (logflags & NF_LOG_UID && p.uid >= 0 && p.sockKind === 0) out += `UID=${p.uid >>> 0} GID=${p.gid >>> 0} `;
    if (p.mark) out += `MARK=0x${(p.mark >>> 0).toString(16)} `;
  }
  return out;
}
var ICMP_REQUIRED = {
  0: 4,
  3: 28,
  4: 28,
  5: 28,
  8: 4,
  11: 28,
  12: 28,
  13: 20,
  14: 20,
  17: 12,
  18: 12
};
function icmpPart(p, avail, logflags, nested) {
  if (avail < 8) return `INCOMPLETE [${avail} bytes] `;
  let out = `TYPE=${p.icmpType} CODE=${p.icmpCode} `;
  const need = ICMP_REQUIRED[p.icmpType];
  if (need && avail < need) return `${out}INCOMPLETE [${avail} bytes] `;
  const t = p.icmpType;
  if (t === 0 || t === 8) out += `ID=${p.icmpId} SEQ=${p.icmpSeq} `;
  else if (t === 12) out += `PARAMETER=${p.icmpRest >>> 24 & 255} `;
  else if (t === 3 || t === 4 || t === 5 || t === 11) {
    if (t === 5) out += `GATEWAY=${formatIPv4(p.icmpRest >>> 0)} `;
    if (!nested) {
      const inner = p.inner;
      const quoted = avail - 8;
      out += "[";
      out += inner && quoted >= 20 ? dumpIpv4(inner, quoted - inner.ihl, logflags, true) : "TRUNCATED";
      out += "] ";
    }
    if (t === 3 && p.icmpCode === 4) out += `MTU=${p.icmpRest & 65535} `;
  }
  return out;
}
function nfLogIpPacket(p, prefix, logflags) {
  let out = `${prefix}IN=${p.inDev} OUT=${p.outDev} `;
  if (p.physIn && p.physIn !== p.inDev) out += `PHYSIN=${p.physIn} `;
  if (p.physOut && p.physOut !== p.outDev) out += `PHYSOUT=${p.physOut} `;
  if (p.inDev) out += dumpMac(p, logflags);
  return out + dumpIpv4(p, totalLen(p) - p.ihl, logflags, false);
}

// src/extensions/osf.ts
var MAXGENRELEN = 32;
var XT_OSF_TTL = 1 << 1;
var XT_OSF_LOG = 1 << 2;
var XT_OSF_INVERT = 1 << 3;
var O_GENRE = 0;
var O_TTL = 1;
var O_LOGLEVEL = 2;
var osfMatch = defineMatch({
  name: "osf",
  revision: 0,
  options: [
    {
      name: "genre",
      id: O_GENRE,
      type: 10 /* STRING */,
      flags: XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT,
      size: MAXGENRELEN,
      put: "genre"
    },
    { name: "ttl", id: O_TTL, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "ttl", min: 0, max: 2 },
    { name: "log", id: O_LOGLEVEL, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "loglevel", min: 0, max: 2 }
  ],
  init: () => ({ genre: "", flags: 0, loglevel: 0, ttl: 0, len: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_GENRE:
        if (cb.invert) d.flags |= XT_OSF_INVERT;
        d.len = d.genre.length;
        break;
      case O_TTL:
        d.flags |= XT_OSF_TTL;
        break;
      case O_LOGLEVEL:
        d.flags |= XT_OSF_LOG;
        break;
    }
  },
  print: (d) => ` OS fingerprint match ${d.flags & XT_OSF_INVERT ? "! " : ""}${d.genre}`,
  save(d) {
    let out = `${d.flags & XT_OSF_INVERT ? " !" : ""} --genre ${d.genre}`;
    if (d.flags & XT_OSF_TTL) out += ` --ttl ${d.ttl}`;
    if (d.flags & XT_OSF_LOG) out += ` --log ${d.loglevel}`;
    return out;
  },
  compareKey: (d) => structKey("osf", d),
  compile(d) {
    if (!(d.flags & XT_OSF_LOG)) return () => false;
    return (p, ctx) => {
      const avail = l4Avail(p);
      if (avail < 20 || !(tcpFlagsByte(p) & 2)) return false;
      const hl = tcpHdrLen(p);
      if (hl > 20 && avail < hl) return false;
      const raw = rawL4(p);
      const sport = raw ? rawU16(p, 0) : p.sport;
      const dport = raw ? rawU16(p, 2) : p.dport;
      const prefix = `Remote OS is not known: ${formatIPv4(p.src)}:${sport} -> ${formatIPv4(p.dst)}:${dport}
`;
      ctx.log(5, nfLogIpPacket(p, prefix, NF_LOG_DEFAULT_MASK));
      return false;
    };
  },
  kernelCheck(_d, ctx) {
    if (ctx.hookMask & ~(HOOK_PRE | HOOK_IN | HOOK_FWD)) return { errno: "EINVAL" };
    if (ctx.checkentry && (ctx.ip.proto !== 6 || ctx.ip.invflags & IPT_INV_PROTO)) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "OS fingerprint match options:\n[!] --genre string     Match a OS genre by passive fingerprinting.\n--ttl level            Use some TTL check extensions to determine OS:\n       0                       true ip and fingerprint TTL comparison. Works for LAN.\n       1                       check if ip TTL is less than fingerprint one. Works for global addresses.\n       2                       do not compare TTL at all. This allows NMAP detection, but can produce false results.\n--log level            Log determined genres into dmesg even if they do not match desired one:\n       0                       log all matched or unknown signatures.\n       1                       log only first one.\n       2                       log all known matched signatures.\n"
});

// src/extensions/owner.ts
var DEBIAN12_PASSWD = [
  ["root", 0],
  ["daemon", 1],
  ["bin", 2],
  ["sys", 3],
  ["sync", 4],
  ["games", 5],
  ["man", 6],
  ["lp", 7],
  ["mail", 8],
  ["news", 9],
  ["uucp", 10],
  ["proxy", 13],
  ["www-data", 33],
  ["backup", 34],
  ["list", 38],
  ["irc", 39],
  ["_apt", 42],
  ["nobody", 65534]
];
var DEBIAN12_GROUP = [
  ["root", 0],
  ["daemon", 1],
  ["bin", 2],
  ["sys", 3],
  ["adm", 4],
  ["tty", 5],
  ["disk", 6],
  ["lp", 7],
  ["mail", 8],
  ["news", 9],
  ["uucp", 10],
  ["man", 12],
  ["proxy", 13],
  ["kmem", 15],
  ["dialout", 20],
  ["fax", 21],
  ["voice", 22],
  ["cdrom", 24],
  ["floppy", 25],
  ["tape", 26],
  ["sudo", 27],
  ["audio", 29],
  ["dip", 30],
  ["www-data", 33],
  ["backup", 34],
  ["operator", 37],
  ["list", 38],
  ["irc", 39],
  ["src", 40],
  ["shadow", 42],
  ["utmp", 43],
  ["video", 44],
  ["sasl", 45],
  ["plugdev", 46],
  ["staff", 50],
  ["games", 60],
  ["users", 100],
  ["nogroup", 65534]
];
function byName(db, name) {
  for (const [n, id] of db) if (n === name) return id;
  return void 0;
}
function byId(db, id) {
  for (const [n, i] of db) if (i === id) return n;
  return void 0;
}
var XT_OWNER_UID = 1 << 0;
var XT_OWNER_GID = 1 << 1;
var XT_OWNER_SOCKET = 1 << 2;
var XT_OWNER_SUPPL_GROUPS = 1 << 3;
var O_USER = 0;
var O_GROUP = 1;
var O_SOCK_EXISTS = 2;
var O_SUPPL_GROUPS = 6;
function parseRange3(s, opt) {
  const bad = () => paramError(`owner: Bad value for "${opt}" option: "${s}"`);
  const max = 4294967294;
  const a = xtStrtoul(s, 0, max);
  if (!a.ok) throw bad();
  let end = a.end;
  let to = a.value;
  if (s[end] === "-" || s[end] === ":") {
    const rest = s.slice(end + 1);
    const b = xtStrtoul(rest, 0, max);
    if (!b.ok) throw bad();
    to = b.value;
    end = end + 1 + b.end;
  }
  if (end !== s.length) throw bad();
  return [a.value, to];
}
function item(d, label, flag, numeric) {
  if (!(d.match & flag)) return "";
  let out = `${d.invert & flag ? " !" : ""} ${label}`;
  const idText = (min, max, db) => {
    if (min !== max) return ` ${min}-${max}`;
    const name = numeric ? void 0 : byId(db, min);
    return ` ${name ?? min}`;
  };
  if (flag === XT_OWNER_UID) out += idText(d.uidMin, d.uidMax, DEBIAN12_PASSWD);
  else if (flag === XT_OWNER_GID) out += idText(d.gidMin, d.gidMax, DEBIAN12_GROUP);
  return out;
}
var ownerMatch = defineMatch({
  name: "owner",
  revision: 1,
  options: [
    { name: "uid-owner", id: O_USER, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "gid-owner", id: O_GROUP, type: 10 /* STRING */, flags: XTOPT_INVERT },
    { name: "socket-exists", id: O_SOCK_EXISTS, type: 0 /* NONE */, flags: XTOPT_INVERT },
    { name: "suppl-groups", id: O_SUPPL_GROUPS, type: 0 /* NONE */ }
  ],
  init: () => ({ uidMin: 0, uidMax: 0, gidMin: 0, gidMax: 0, match: 0, invert: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_USER: {
        const uid = byName(DEBIAN12_PASSWD, cb.arg);
        [d.uidMin, d.uidMax] = uid !== void 0 ? [uid, uid] : parseRange3(cb.arg, "--uid-owner");
        if (cb.invert) d.invert |= XT_OWNER_UID;
        d.match |= XT_OWNER_UID;
        break;
      }
      case O_GROUP: {
        const gid = byName(DEBIAN12_GROUP, cb.arg);
        [d.gidMin, d.gidMax] = gid !== void 0 ? [gid, gid] : parseRange3(cb.arg, "--gid-owner");
        if (cb.invert) d.invert |= XT_OWNER_GID;
        d.match |= XT_OWNER_GID;
        break;
      }
      case O_SOCK_EXISTS:
        if (cb.invert) d.invert |= XT_OWNER_SOCKET;
        d.match |= XT_OWNER_SOCKET;
        break;
      case O_SUPPL_GROUPS:
        if (!(d.match & XT_OWNER_GID))
          throw paramError('owner: Bad value for "--suppl-groups" option: "you need to use --gid-owner first"');
        d.match |= XT_OWNER_SUPPL_GROUPS;
        break;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0)
      throw paramError("owner: At least one of --uid-owner, --gid-owner or --socket-exists is required");
  },
  print: (d, ctx) => item(d, "owner socket exists", XT_OWNER_SOCKET, ctx.numeric) + item(d, "owner UID match", XT_OWNER_UID, ctx.numeric) + item(d, "owner GID match", XT_OWNER_GID, ctx.numeric) + item(d, "incl. suppl. groups", XT_OWNER_SUPPL_GROUPS, ctx.numeric),
  save: (d) => item(d, "--socket-exists", XT_OWNER_SOCKET, true) + item(d, "--uid-owner", XT_OWNER_UID, true) + item(d, "--gid-owner", XT_OWNER_GID, true) + item(d, "--suppl-groups", XT_OWNER_SUPPL_GROUPS, true),
  compareKey: (d) => structKey("owner", d),
  compile(d) {
    const { match, invert } = d;
    const noSocket = (match ^ invert) === 0;
    const uid = (match & XT_OWNER_UID) !== 0;
    const gid = (match & XT_OWNER_GID) !== 0;
    const invUid = (invert & XT_OWNER_UID) !== 0;
    const invGid = (invert & XT_OWNER_GID) !== 0;
    const [uMin, uMax, gMin, gMax] = [d.uidMin >>> 0, d.uidMax >>> 0, d.gidMin >>> 0, d.gidMax >>> 0];
    const notExists = (match & invert & XT_OWNER_SOCKET) !== 0;
    return (p) => {
      if (p.sockKind === 1) {
        return !notExists && ((match ^ invert) & (XT_OWNER_UID | XT_OWNER_GID)) === 0;
      }
      if (p.uid < 0) return noSocket;
      if (notExists) return false;
      if (uid) {
        const u = p.uid >>> 0;
        if ((u >= uMin && u <= uMax) === invUid) return false;
      }
      if (gid) {
        const g = p.gid >>> 0;
        if ((g >= gMin && g <= gMax) === invGid) return false;
      }
      return true;
    };
  },
  kernelCheck(d, ctx) {
    if (ctx.hookMask & ~(HOOK_OUT | HOOK_POST)) return { errno: "EINVAL" };
    if (!ctx.checkentry) return void 0;
    if (d.match & XT_OWNER_UID && d.uidMax < d.uidMin) return { errno: "EINVAL" };
    if (d.match & XT_OWNER_GID && d.gidMax < d.gidMin) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "owner match options:\n[!] --uid-owner userid[-userid]      Match local UID\n[!] --gid-owner groupid[-groupid]    Match local GID\n[!] --socket-exists                  Match if socket exists\n    --suppl-groups                   Also match supplementary groups set with --gid-owner\n"
});

// src/extensions/physdev.ts
var OP_IN = 1;
var OP_OUT = 2;
var OP_BRIDGED = 4;
var OP_ISIN = 8;
var OP_ISOUT = 16;
var O_PHYSDEV_IN = 0;
var O_PHYSDEV_OUT = 1;
var O_PHYSDEV_IS_IN = 2;
var O_PHYSDEV_IS_OUT = 3;
var O_PHYSDEV_IS_BRIDGED = 4;
function flagText2(d, flag, text) {
  if (!(d.bitmask & flag)) return "";
  return `${d.invert & flag ? " !" : ""} ${text}`;
}
function body(d) {
  return flagText2(d, OP_ISIN, "--physdev-is-in") + flagText2(d, OP_IN, `--physdev-in ${d.physindev}`) + flagText2(d, OP_ISOUT, "--physdev-is-out") + flagText2(d, OP_OUT, `--physdev-out ${d.physoutdev}`) + flagText2(d, OP_BRIDGED, "--physdev-is-bridged");
}
var physdevMatch = defineMatch({
  name: "physdev",
  revision: 0,
  options: [
    {
      name: "physdev-in",
      id: O_PHYSDEV_IN,
      type: 10 /* STRING */,
      flags: XTOPT_INVERT | XTOPT_PUT,
      size: 16,
      put: "physindev"
    },
    {
      name: "physdev-out",
      id: O_PHYSDEV_OUT,
      type: 10 /* STRING */,
      flags: XTOPT_INVERT | XTOPT_PUT,
      size: 16,
      put: "physoutdev"
    },
    { name: "physdev-is-in", id: O_PHYSDEV_IS_IN, type: 0 /* NONE */, flags: XTOPT_INVERT },
    { name: "physdev-is-out", id: O_PHYSDEV_IS_OUT, type: 0 /* NONE */, flags: XTOPT_INVERT },
    { name: "physdev-is-bridged", id: O_PHYSDEV_IS_BRIDGED, type: 0 /* NONE */, flags: XTOPT_INVERT }
  ],
  init: () => ({ physindev: "", physoutdev: "", invert: 0, bitmask: 0 }),
  parse(cb) {
    const d = cb.data;
    const set = (flag) => {
      d.bitmask |= flag;
      if (cb.invert) d.invert |= flag;
    };
    switch (cb.entry.id) {
      case O_PHYSDEV_IN:
        d.physindev = parseInterfaceName(cb.arg, cb.warn);
        set(OP_IN);
        break;
      case O_PHYSDEV_OUT:
        d.physoutdev = parseInterfaceName(cb.arg, cb.warn);
        set(OP_OUT);
        break;
      case O_PHYSDEV_IS_IN:
        set(OP_ISIN);
        break;
      case O_PHYSDEV_IS_OUT:
        set(OP_ISOUT);
        break;
      case O_PHYSDEV_IS_BRIDGED:
        set(OP_BRIDGED);
        break;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("PHYSDEV: no physdev option specified");
  },
  print: (d) => ` PHYSDEV match${body(d)}`,
  save: (d) => body(d),
  compareKey: (d) => structKey("physdev", d),
  compile(d) {
    const has = (f) => (d.bitmask & f) !== 0;
    const inv2 = (f) => (d.invert & f) !== 0;
    let plain = true;
    for (const f of [OP_BRIDGED, OP_ISIN, OP_ISOUT, OP_IN, OP_OUT]) if (has(f) && !inv2(f)) plain = false;
    const inMatch = ifnameMatcher(d.physindev);
    const outMatch = ifnameMatcher(d.physoutdev);
    return (p) => {
      const indev = p.physIn;
      const outdev = p.physOut;
      if (indev === "" && outdev === "") return plain;
      if (has(OP_BRIDGED) && outdev !== "" === inv2(OP_BRIDGED)) return false;
      if (has(OP_ISIN) && indev === "" !== inv2(OP_ISIN)) return false;
      if (has(OP_ISOUT) && outdev === "" !== inv2(OP_ISOUT)) return false;
      if (has(OP_IN) && indev !== "" && inMatch(indev) === inv2(OP_IN)) return false;
      if (!has(OP_OUT)) return true;
      if (outdev === "") return false;
      return outMatch(outdev) !== inv2(OP_OUT);
    };
  },
  kernelCheck(d, ctx) {
    if (ctx.checkentry && d.bitmask & (OP_OUT | OP_ISOUT) && (!(d.bitmask & OP_BRIDGED) || d.invert & OP_BRIDGED) && ctx.hookMask & HOOK_OUT)
      return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "physdev match options:\n [!] --physdev-in inputname[+]		bridge port name ([+] for wildcard)\n [!] --physdev-out outputname[+]	bridge port name ([+] for wildcard)\n [!] --physdev-is-in			arrived on a bridge device\n [!] --physdev-is-out			will leave on a bridge device\n [!] --physdev-is-bridged		it's a bridged packet\n"
});

// src/extensions/policy.ts
var XT_POLICY_MAX_ELEM = 4;
var MATCH_IN = 1;
var MATCH_OUT = 2;
var MATCH_NONE = 4;
var MATCH_STRICT = 8;
var MODE_TRANSPORT = 0;
var MODE_TUNNEL = 1;
var S_SADDR = 1;
var S_DADDR = 2;
var S_PROTO = 4;
var S_MODE = 8;
var S_SPI = 16;
var S_REQID = 32;
var O_DIRECTION = 0;
var O_POLICY = 1;
var O_STRICT = 2;
var O_REQID = 3;
var O_SPI = 4;
var O_PROTO = 5;
var O_MODE3 = 6;
var O_TUNNELSRC = 7;
var O_TUNNELDST = 8;
var O_NEXT = 9;
var IPPROTO_ESP3 = 50;
var IPPROTO_AH3 = 51;
var IPPROTO_COMP2 = 108;
function emptyElem() {
  return {
    saddr: 0,
    smask: 0,
    daddr: 0,
    dmask: 0,
    smaskWide: 0,
    dmaskWide: 0,
    spi: 0,
    reqid: 0,
    proto: 0,
    mode: 0,
    match: 0,
    invert: 0
  };
}
function wideMask(arg) {
  const slash = arg.indexOf("/");
  if (slash < 0) return 1;
  const plen = arg.slice(slash + 1);
  if (xtStrtouiWhole(plen, 0, 32) !== void 0) return 0;
  const m = inetAton(plen);
  return m !== void 0 && maskToCidr(m) === -1 ? 1 : 0;
}
function parseMode2(s) {
  if (s === "transport") return MODE_TRANSPORT;
  if (s === "tunnel") return MODE_TUNNEL;
  throw paramError(`policy match: invalid mode "${s}"`);
}
function entryText(prefix, e, numeric) {
  const inv2 = (bit) => e.invert & bit ? " !" : "";
  let out = "";
  if (e.match & S_REQID) out += `${inv2(S_REQID)} ${prefix}reqid ${e.reqid >>> 0}`;
  if (e.match & S_SPI) out += `${inv2(S_SPI)} ${prefix}spi 0x${hexU(e.spi)}`;
  if (e.match & S_PROTO) {
    const name = numeric ? void 0 : getProtoByNumber(e.proto);
    out += `${inv2(S_PROTO)} ${prefix}proto ${name ?? e.proto}`;
  }
  if (e.match & S_MODE) {
    const mode = e.mode === MODE_TRANSPORT ? "transport" : e.mode === MODE_TUNNEL ? "tunnel" : "???";
    out += `${inv2(S_MODE)} ${prefix}mode ${mode}`;
  }
  if (e.match & S_DADDR) out += `${inv2(S_DADDR)} ${prefix}tunnel-dst ${formatIPv4(e.daddr)}${maskSuffix(e.dmask)}`;
  if (e.match & S_SADDR) out += `${inv2(S_SADDR)} ${prefix}tunnel-src ${formatIPv4(e.saddr)}${maskSuffix(e.smask)}`;
  return out;
}
function flagsText(prefix, d) {
  let out = d.flags & MATCH_IN ? ` ${prefix}dir in` : ` ${prefix}dir out`;
  out += d.flags & MATCH_NONE ? ` ${prefix}pol none` : ` ${prefix}pol ipsec`;
  if (d.flags & MATCH_STRICT) out += ` ${prefix}strict`;
  return out;
}
var policyMatch = defineMatch({
  name: "policy",
  revision: 0,
  options: [
    { name: "dir", id: O_DIRECTION, type: 10 /* STRING */ },
    { name: "pol", id: O_POLICY, type: 10 /* STRING */ },
    { name: "strict", id: O_STRICT, type: 0 /* NONE */ },
    { name: "reqid", id: O_REQID, type: 3 /* UINT32 */, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "spi", id: O_SPI, type: 3 /* UINT32 */, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "tunnel-src", id: O_TUNNELSRC, type: 15 /* HOSTMASK */, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "tunnel-dst", id: O_TUNNELDST, type: 15 /* HOSTMASK */, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "proto", id: O_PROTO, type: 16 /* PROTOCOL */, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "mode", id: O_MODE3, type: 10 /* STRING */, flags: XTOPT_MULTI | XTOPT_INVERT },
    { name: "next", id: O_NEXT, type: 0 /* NONE */, flags: XTOPT_MULTI, also: 1 << O_STRICT }
  ],
  init: () => ({ pol: [emptyElem(), emptyElem(), emptyElem(), emptyElem()], flags: 0, len: 0 }),
  parse(cb) {
    const d = cb.data;
    const e = d.pol[d.len];
    const once2 = (bit, opt) => {
      if (e.match & bit) throw paramError(`policy match: double --${opt} option`);
      e.match |= bit;
      if (cb.invert) e.invert |= bit;
    };
    switch (cb.entry.id) {
      case O_DIRECTION:
        if (cb.arg === "in") d.flags |= MATCH_IN;
        else if (cb.arg === "out") d.flags |= MATCH_OUT;
        else throw paramError(`policy_match: invalid dir "${cb.arg}"`);
        break;
      case O_POLICY:
        if (cb.arg === "none") d.flags |= MATCH_NONE;
        else if (cb.arg !== "ipsec") throw paramError(`policy match: invalid policy "${cb.arg}"`);
        break;
      case O_STRICT:
        d.flags |= MATCH_STRICT;
        break;
      case O_REQID:
        once2(S_REQID, "reqid");
        e.reqid = cb.val.u;
        break;
      case O_SPI:
        once2(S_SPI, "spi");
        e.spi = cb.val.u;
        break;
      case O_TUNNELSRC:
        once2(S_SADDR, "tunnel-src");
        e.saddr = cb.val.haddr;
        e.smask = cb.val.hmask;
        e.smaskWide = wideMask(cb.arg);
        break;
      case O_TUNNELDST:
        once2(S_DADDR, "tunnel-dst");
        e.daddr = cb.val.haddr;
        e.dmask = cb.val.hmask;
        e.dmaskWide = wideMask(cb.arg);
        break;
      case O_PROTO:
        if (e.match & S_PROTO) throw paramError("policy match: double --proto option");
        e.proto = cb.val.protocol;
        if (e.proto !== IPPROTO_AH3 && e.proto !== IPPROTO_ESP3 && e.proto !== IPPROTO_COMP2)
          throw paramError("policy match: protocol must be ah/esp/ipcomp");
        e.match |= S_PROTO;
        if (cb.invert) e.invert |= S_PROTO;
        break;
      case O_MODE3: {
        if (e.match & S_MODE) throw paramError("policy match: double --mode option");
        e.match |= S_MODE;
        if (cb.invert) e.invert |= S_MODE;
        e.mode = parseMode2(cb.arg);
        break;
      }
      case O_NEXT:
        if (++d.len === XT_POLICY_MAX_ELEM) throw paramError("policy match: maximum policy depth reached");
        break;
    }
  },
  finalCheck(cb) {
    const d = cb.data;
    if (!(d.flags & (MATCH_IN | MATCH_OUT))) throw paramError("policy match: neither --dir in nor --dir out specified");
    if (d.flags & MATCH_NONE) {
      if (d.flags & MATCH_STRICT) throw paramError("policy match: policy none but --strict given");
      if (d.len !== 0) throw paramError("policy match: policy none but policy given");
    } else d.len++;
    for (let i = 0; i < d.len; i++) {
      const e = d.pol[i];
      if (d.flags & MATCH_STRICT && !(e.match & (S_REQID | S_SPI | S_SADDR | S_DADDR | S_PROTO | S_MODE)))
        throw paramError(
          `policy match: empty policy element ${i}. --strict is in effect, but at least one of reqid, spi, tunnel-src, tunnel-dst, proto or mode is required.`
        );
      if (e.match & (S_SADDR | S_DADDR) && (e.mode === MODE_TUNNEL && e.invert & S_MODE || e.mode === MODE_TRANSPORT && !(e.invert & S_MODE)))
        throw paramError("policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode");
    }
  },
  print(d, ctx) {
    let out = ` policy match${flagsText("", d)}`;
    for (let i = 0; i < d.len; i++) {
      if (d.len > 1) out += ` [${i}]`;
      out += entryText("", d.pol[i], ctx.numeric);
    }
    return out;
  },
  save(d) {
    let out = flagsText("--", d);
    for (let i = 0; i < d.len; i++) {
      out += entryText("--", d.pol[i], false);
      if (i + 1 < d.len) out += " --next";
    }
    return out;
  },
  // memcmp() covers every element, also those past `len` (e.g. --reqid with --pol none)
  // policy_mt(): the twin has no IPsec, so there is never a sec path (in) or xfrm dst (out):
  // match_policy_in/out() return -1 and only --pol none matches
  compile(d) {
    const none = (d.flags & MATCH_NONE) !== 0;
    return () => none;
  },
  compareKey: (d) => structKey("policy", d),
  kernelCheck(d, ctx) {
    if (!ctx.checkentry) return void 0;
    if (!(d.flags & (MATCH_IN | MATCH_OUT))) return { errno: "EINVAL" };
    if (ctx.hookMask & (HOOK_PRE | HOOK_IN) && d.flags & MATCH_OUT) return { errno: "EINVAL" };
    if (ctx.hookMask & (HOOK_POST | HOOK_OUT) && d.flags & MATCH_IN) return { errno: "EINVAL" };
    if (d.len > XT_POLICY_MAX_ELEM) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "policy match options:\n  --dir in|out			match policy applied during decapsulation/\n				policy to be applied during encapsulation\n  --pol none|ipsec		match policy\n  --strict 			match entire policy instead of single element\n				at any position\nThese options may be used repeatedly, to describe policy elements:\n[!] --reqid reqid		match reqid\n[!] --spi spi			match SPI\n[!] --proto proto		match protocol (ah/esp/ipcomp)\n[!] --mode mode 		match mode (transport/tunnel)\n[!] --tunnel-src addr/mask	match tunnel source\n[!] --tunnel-dst addr/mask	match tunnel destination\n  --next 			begin next element in policy\n"
});

// src/engine/context.ts
var RTN_UNICAST = 1;
var RTN_LOCAL = 2;
var RTN_BROADCAST = 3;
var RTN_ANYCAST = 4;
var RTN_MULTICAST = 5;
var RTN_BLACKHOLE = 6;
var RTN_UNREACHABLE = 7;
var RTN_PROHIBIT = 8;
var RTN_THROW = 9;
var RTN_NAT = 10;

// src/extensions/rpfilter.ts
var XT_RPFILTER_LOOSE = 1 << 0;
var XT_RPFILTER_VALID_MARK = 1 << 1;
var XT_RPFILTER_ACCEPT_LOCAL = 1 << 2;
var XT_RPFILTER_INVERT = 1 << 3;
function specialAddr(a) {
  return a === 0 || a === 4294967295 || a >>> 28 === 14;
}
var NAMES = ["loose", "validmark", "accept-local", "invert"];
function flagsText2(d, prefix) {
  return NAMES.filter((_n, i) => d.flags & 1 << i).map((n) => ` ${prefix}${n}`).join("");
}
var rpfilterMatch = defineMatch({
  name: "rpfilter",
  revision: 0,
  options: NAMES.map((name, id) => ({ name, id, type: 0 /* NONE */ })),
  init: () => ({ flags: 0 }),
  parse(cb) {
    cb.data.flags |= 1 << cb.entry.id;
  },
  print: (d) => ` rpfilter${flagsText2(d, "")}`,
  save: (d) => flagsText2(d, "--"),
  compareKey: (d) => structKey("rpfilter", d),
  compile(d) {
    const inv2 = (d.flags & XT_RPFILTER_INVERT) !== 0;
    const loose = (d.flags & XT_RPFILTER_LOOSE) !== 0;
    const validMark = (d.flags & XT_RPFILTER_VALID_MARK) !== 0;
    const acceptLocal = (d.flags & XT_RPFILTER_ACCEPT_LOCAL) !== 0;
    return (p, ctx) => {
      if (p.pktType === PACKET_LOOPBACK || p.inDev === "lo") return !inv2;
      const src = p.src >>> 0;
      const dst = p.dst >>> 0;
      if (src === 0 && (dst === 4294967295 || dst >>> 8 === 14680064)) return !inv2;
      const saddr = specialAddr(dst) ? 0 : dst;
      const dev = ctx.net.routeDev(src, saddr, validMark ? p.mark : 0);
      let ok = dev !== "";
      if (ok) {
        const t = specialAddr(src) ? RTN_UNICAST : ctx.net.addrType(src, "");
        const type = t === RTN_LOCAL || t === RTN_BROADCAST ? t : RTN_UNICAST;
        if (type !== RTN_UNICAST && (type !== RTN_LOCAL || !acceptLocal)) ok = false;
        else ok = dev === p.inDev || loose;
      }
      return ok !== inv2;
    };
  },
  kernelCheck(d, ctx) {
    if (ctx.hookMask & ~HOOK_PRE) return { errno: "EINVAL" };
    if (!ctx.checkentry) return void 0;
    if (d.flags & ~15) return { errno: "EINVAL" };
    if (ctx.table !== "mangle" && ctx.table !== "raw") return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "rpfilter match options:\n    --loose          permit reverse path via any interface\n    --validmark      use skb nfmark when performing route lookup\n    --accept-local   do not reject packets with a local source address\n    --invert         match packets that failed the reverse path test\n"
});

// src/extensions/set.ts
var IPSET_MAXNAMELEN = 32;
var IPSET_INV_MATCH = 1 << 0;
var IPSET_FLAG_RETURN_NOMATCH = 1 << 7;
var IPSET_FLAG_SKIP_COUNTER_UPDATE = 1 << 8;
var IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE = 1 << 9;
var IPSET_COUNTER_NONE = 0;
var IPSET_COUNTER_EQ = 1;
var IPSET_COUNTER_NE = 2;
var IPSET_COUNTER_LT = 3;
var IPSET_COUNTER_GT = 4;
var O_MATCH_SET = 1;
var O_SET3 = 2;
var O_RETURN_NOMATCH = 3;
var O_UPDATE_COUNTERS = 4;
var O_PACKETS_EQ = 5;
var O_PACKETS_LT = 6;
var O_PACKETS_GT = 7;
var O_BYTES_EQ = 8;
var O_BYTES_LT = 9;
var O_BYTES_GT = 10;
var O_UPDATE_SUBCOUNTERS = 11;
function parseCounter(opt) {
  const r = xtStrtoul(opt, 0n, 0xffffffffffffffffn);
  if (!r.ok || r.end !== opt.length) throw paramError(`Cannot parse ${opt} as a counter value`);
  return r.big;
}
function counter(cb, c, which, op) {
  if (c.op !== IPSET_COUNTER_NONE) throw paramError(`only one of the --${which}-[eq|lt|gt] is allowed`);
  if (op === IPSET_COUNTER_EQ) {
    c.op = cb.invert ? IPSET_COUNTER_NE : IPSET_COUNTER_EQ;
  } else {
    if (cb.invert) throw paramError(`--${which}-${op === IPSET_COUNTER_LT ? "lt" : "gt"} option cannot be inverted`);
    c.op = op;
  }
  c.value = parseCounter(cb.arg);
}
function setParse(cb) {
  const d = cb.data;
  const g = cb.getopt;
  switch (cb.entry.id) {
    case O_UPDATE_SUBCOUNTERS:
      if (cb.invert) d.flags |= IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE;
      break;
    case O_BYTES_GT:
      counter(cb, d.bytes, "bytes", IPSET_COUNTER_GT);
      break;
    case O_BYTES_LT:
      counter(cb, d.bytes, "bytes", IPSET_COUNTER_LT);
      break;
    case O_BYTES_EQ:
      counter(cb, d.bytes, "bytes", IPSET_COUNTER_EQ);
      break;
    case O_PACKETS_GT:
      counter(cb, d.packets, "packets", IPSET_COUNTER_GT);
      break;
    case O_PACKETS_LT:
      counter(cb, d.packets, "packets", IPSET_COUNTER_LT);
      break;
    case O_PACKETS_EQ:
      counter(cb, d.packets, "packets", IPSET_COUNTER_EQ);
      break;
    case O_UPDATE_COUNTERS:
      if (cb.invert) d.flags |= IPSET_FLAG_SKIP_COUNTER_UPDATE;
      break;
    case O_RETURN_NOMATCH:
      if (cb.invert) throw paramError("--return-nomatch flag cannot be inverted");
      d.flags |= IPSET_FLAG_RETURN_NOMATCH;
      break;
    case O_SET3:
    case O_MATCH_SET: {
      if (cb.entry.id === O_SET3) cb.warn?.("--set option deprecated, please use --match-set\n");
      if (d.dim) throw paramError("--match-set can be specified only once");
      if (cb.invert) d.setFlags |= IPSET_INV_MATCH;
      const next = g.argv[g.optind];
      if (next === void 0 || next[0] === "-" || next[0] === "!") throw paramError("--match-set requires two args.");
      if (cb.arg.length > IPSET_MAXNAMELEN - 1)
        throw paramError(`setname \`${cb.arg}' too long, max ${IPSET_MAXNAMELEN - 1} characters.`);
      throw paramError(`Set ${cb.arg} doesn't exist.
`);
    }
  }
}
function counterText(c, name, sep) {
  switch (c.op) {
    case IPSET_COUNTER_EQ:
      return ` ${sep}${name}-eq ${c.value}`;
    case IPSET_COUNTER_NE:
      return ` ! ${sep}${name}-eq ${c.value}`;
    case IPSET_COUNTER_LT:
      return ` ${sep}${name}-lt ${c.value}`;
    case IPSET_COUNTER_GT:
      return ` ${sep}${name}-gt ${c.value}`;
    default:
      return "";
  }
}
function matchinfo(d, opt, sep) {
  let out = `${d.setFlags & IPSET_INV_MATCH ? " !" : ""} ${opt} ${d.name}`;
  for (let i = 1; i <= d.dim; i++) out += `${i === 1 ? " " : ","}${d.setFlags & 1 << i ? "src" : "dst"}`;
  if (d.flags & IPSET_FLAG_RETURN_NOMATCH) out += ` ${sep}return-nomatch`;
  if (d.flags & IPSET_FLAG_SKIP_COUNTER_UPDATE) out += ` ! ${sep}update-counters`;
  if (d.flags & IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE) out += ` ! ${sep}update-subcounters`;
  return out + counterText(d.packets, "packets", sep) + counterText(d.bytes, "bytes", sep);
}
var setMatch = defineMatch({
  name: "set",
  revision: 4,
  rawParse: true,
  options: [
    { name: "match-set", id: O_MATCH_SET, type: 10 /* STRING */ },
    { name: "set", id: O_SET3, type: 10 /* STRING */ },
    { name: "return-nomatch", id: O_RETURN_NOMATCH, type: 0 /* NONE */ },
    { name: "update-counters", id: O_UPDATE_COUNTERS, type: 0 /* NONE */ },
    { name: "packets-eq", id: O_PACKETS_EQ, type: 10 /* STRING */ },
    { name: "packets-lt", id: O_PACKETS_LT, type: 10 /* STRING */ },
    { name: "packets-gt", id: O_PACKETS_GT, type: 10 /* STRING */ },
    { name: "bytes-eq", id: O_BYTES_EQ, type: 10 /* STRING */ },
    { name: "bytes-lt", id: O_BYTES_LT, type: 10 /* STRING */ },
    { name: "bytes-gt", id: O_BYTES_GT, type: 10 /* STRING */ },
    { name: "update-subcounters", id: O_UPDATE_SUBCOUNTERS, type: 0 /* NONE */ }
  ],
  init: () => ({
    name: "",
    dim: 0,
    setFlags: 0,
    flags: 0,
    packets: { op: IPSET_COUNTER_NONE, value: 0n },
    bytes: { op: IPSET_COUNTER_NONE, value: 0n }
  }),
  parse: setParse,
  finalCheck(cb) {
    if (cb.data.dim === 0) throw paramError("You must specify `--match-set' with proper arguments");
  },
  print: (d) => matchinfo(d, "match-set", ""),
  save: (d) => matchinfo(d, "--match-set", "--"),
  compareKey: (d) => structKey("set", d),
  help: () => "set match options:\n [!] --match-set name flags [--return-nomatch]\n   [! --update-counters] [! --update-subcounters]\n   [[!] --packets-eq value | --packets-lt value | --packets-gt value\n   [[!] --bytes-eq value | --bytes-lt value | --bytes-gt value\n		 'name' is the set name from to match,\n		 'flags' are the comma separated list of\n		 'src' and 'dst' specifications.\n"
});

// src/extensions/socket.ts
var TRANSPARENT = 1 << 0;
var NOWILDCARD = 1 << 1;
var RESTORESKMARK = 1 << 2;
function flagsText3(d) {
  let out = "";
  if (d.flags & TRANSPARENT) out += " --transparent";
  if (d.flags & NOWILDCARD) out += " --nowildcard";
  if (d.flags & RESTORESKMARK) out += " --restore-skmark";
  return out;
}
var socketMatch = defineMatch({
  name: "socket",
  revision: 3,
  options: [
    { name: "transparent", id: 0, type: 0 /* NONE */ },
    { name: "nowildcard", id: 1, type: 0 /* NONE */ },
    { name: "restore-skmark", id: 2, type: 0 /* NONE */ }
  ],
  init: () => ({ flags: 0 }),
  parse(cb) {
    cb.data.flags |= [TRANSPARENT, NOWILDCARD, RESTORESKMARK][cb.entry.id];
  },
  print: (d) => ` socket${flagsText3(d)}`,
  save: (d) => flagsText3(d),
  compareKey: (d) => structKey("socket", d),
  // socket_mt4_v3(): skb->sk or nf_sk_lookup_slow_v4(); the twin's host has no sockets to find
  compile: () => () => false,
  // xt_socket revision 3: .hooks = PRE_ROUTING | LOCAL_IN
  kernelCheck: (_d, ctx) => ctx.hookMask & ~(HOOK_PRE | HOOK_IN) ? { errno: "EINVAL" } : void 0,
  help: () => "socket match options:\n  --nowildcard     Do not ignore LISTEN sockets bound on INADDR_ANY\n  --transparent    Ignore non-transparent sockets\n  --restore-skmark Set the packet mark to the socket mark if\n                   the socket matches and transparent / \n                   nowildcard conditions are satisfied\n\n"
});

// src/extensions/groups/misc2.ts
var matches4 = [
  addrtypeMatch,
  iprangeMatch,
  macMatch,
  ownerMatch,
  physdevMatch,
  setMatch,
  policyMatch,
  rpfilterMatch,
  cgroupMatch,
  clusterMatch,
  osfMatch,
  socketMatch,
  ipvsMatch,
  devgroupMatch
];
var targets4 = [];

// src/extensions/groups/targets1.ts
var targets1_exports = {};
__export(targets1_exports, {
  matches: () => matches5,
  targets: () => targets5
});

// src/extensions/AUDIT.target.ts
var AUDIT_TYPES = ["accept", "drop", "reject"];
var XT_AUDIT_TYPE_MAX = 2;
var auditTarget = defineTarget({
  name: "AUDIT",
  revision: 0,
  options: [{ name: "type", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND }],
  init: () => ({ type: 0 }),
  parse(cb) {
    const i = AUDIT_TYPES.indexOf(cb.arg.toLowerCase());
    if (i < 0) throw paramError(`Bad action type value "${cb.arg}"`);
    cb.data.type = i;
  },
  print: (d) => ` AUDIT ${AUDIT_TYPES[d.type] ?? ""}`,
  save: (d) => d.type <= XT_AUDIT_TYPE_MAX ? ` --type ${AUDIT_TYPES[d.type]}` : "",
  // audit_tg(): nothing is recorded while audit is off (audit_enabled=0: the reference kernel and
  // Debian without auditd); the rule never decides the packet's fate.
  compile: () => () => XT_CONTINUE,
  kernelCheck: (d) => d.type > XT_AUDIT_TYPE_MAX ? { errno: "ERANGE" } : void 0,
  help: () => "AUDIT target options\n  --type TYPE		Action type to be recorded.\n"
});

// src/extensions/CLASSIFY.target.ts
var U642 = 0xffffffffffffffffn;
function isCSpace3(c) {
  return c === " " || c === "	" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}
function scanHex(s, start) {
  let i = start;
  while (isCSpace3(s[i])) i++;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") {
    neg = s[i] === "-";
    i++;
  }
  let any = false;
  if (s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X")) {
    i += 2;
    any = true;
  }
  let v = 0n;
  let overflow = false;
  while (i < s.length && /[0-9a-fA-F]/.test(s.charAt(i))) {
    v = v * 16n + BigInt(Number.parseInt(s.charAt(i), 16));
    if (v > U642) overflow = true;
    i++;
    any = true;
  }
  if (!any) return void 0;
  const r = overflow ? U642 : neg ? U642 + 1n - v & U642 : v;
  return { value: Number(r & 0xffffffffn), end: i };
}
function parseClass(arg) {
  const maj = scanHex(arg, 0);
  if (!maj || arg[maj.end] !== ":") return void 0;
  const min = scanHex(arg, maj.end + 1);
  if (!min) return void 0;
  return ((maj.value & 65535) << 16 | min.value & 65535) >>> 0;
}
var hex3 = (n) => n.toString(16);
var classifyTarget = defineTarget({
  name: "CLASSIFY",
  revision: 0,
  hooks: HOOK_FWD | HOOK_OUT | HOOK_POST,
  options: [{ name: "set-class", id: 0, type: 10 /* STRING */, flags: XTOPT_MAND }],
  init: () => ({ priority: 0 }),
  parse(cb) {
    const p = parseClass(cb.arg);
    if (p === void 0) throw paramError(`Bad class value "${cb.arg}"`);
    cb.data.priority = p;
  },
  // classify_tg(): skb->priority
  compile(d) {
    const prio = d.priority >>> 0;
    return (p) => {
      p.priority = prio;
      return XT_CONTINUE;
    };
  },
  print: (d) => ` CLASSIFY set ${hex3(d.priority >>> 16)}:${hex3(d.priority & 65535)}`,
  save: (d) => ` --set-class ${hex3(d.priority >>> 16).padStart(4, "0")}:${hex3(d.priority & 65535).padStart(4, "0")}`,
  help: () => "CLASSIFY target options:\n--set-class MAJOR:MINOR    Set skb->priority value (always hexadecimal!)\n"
});

// src/extensions/HMARK.target.ts
var O_SADDR_MASK = 0;
var O_DADDR_MASK = 1;
var O_SPI2 = 2;
var O_SPI_MASK = 3;
var O_SPORT = 4;
var O_DPORT = 5;
var O_SPORT_MASK = 6;
var O_DPORT_MASK = 7;
var O_PROTO_MASK = 8;
var O_RND = 9;
var O_MODULUS = 10;
var O_OFFSET = 11;
var O_CT = 12;
var O_TYPE = 13;
var F = (b) => 1 << b;
var PKT_MASK = F(O_SADDR_MASK) | F(O_DADDR_MASK) | F(O_SPI_MASK) | F(O_SPORT_MASK) | F(O_DPORT_MASK) | F(O_PROTO_MASK) | F(O_SPORT) | F(O_DPORT) | F(O_SPI2);
var ALL_ONES = [4294967295, 4294967295, 4294967295, 4294967295];
function setHigh(v, half) {
  return (v & 65535 | half << 16) >>> 0;
}
function setLow(v, half) {
  return (v & 4294901760 | half) >>> 0;
}
function plenWords(hlen) {
  if (hlen < 0 || hlen > 32) return ALL_ONES.slice();
  if (hlen === 0) return [0, 0, 0, 0];
  return [4294967295 << 32 - hlen >>> 0, 0, 0, 0];
}
function maskToCidr2(m) {
  for (let i = 32; i >= 0; i--) {
    const bits = i === 0 ? 0 : 4294967295 << 32 - i >>> 0;
    if (bits === m >>> 0) return i;
  }
  return -1;
}
var TUPLE_TYPES = ["ct", "src", "dst", "sport", "dport", "proto", "spi"];
function tupleKeyword(cb, tok) {
  const d = cb.data;
  const kw = TUPLE_TYPES.find((k) => tok.length <= k.length && k.slice(0, tok.length) === tok.toLowerCase());
  switch (kw) {
    case "ct":
      d.flags |= F(O_CT);
      cb.xflags |= F(O_CT);
      break;
    case "src":
      d.srcMask = ALL_ONES.slice();
      d.flags |= F(O_SADDR_MASK);
      cb.xflags |= F(O_SADDR_MASK);
      break;
    case "dst":
      d.dstMask = ALL_ONES.slice();
      d.flags |= F(O_DADDR_MASK);
      cb.xflags |= F(O_DADDR_MASK);
      break;
    case "sport":
      d.portMask = setHigh(d.portMask, 65535);
      d.flags |= F(O_SPORT_MASK);
      cb.xflags |= F(O_SPORT_MASK);
      break;
    case "dport":
      d.portMask = setLow(d.portMask, 65535);
      d.flags |= F(O_DPORT_MASK);
      cb.xflags |= F(O_DPORT_MASK);
      break;
    case "proto":
      d.protoMask = 65535;
      d.flags |= F(O_PROTO_MASK);
      cb.xflags |= F(O_PROTO_MASK);
      break;
    case "spi":
      d.portMask = 4294967295;
      d.flags |= F(O_SPI_MASK);
      cb.xflags |= F(O_SPI_MASK);
      break;
    default:
      return false;
  }
  return true;
}
function parseTuple(cb) {
  let arg = cb.arg;
  for (let comma = arg.indexOf(","); comma >= 0; comma = arg.indexOf(",")) {
    if (comma === 0 || !tupleKeyword(cb, arg.slice(0, comma))) throw paramError(`Bad type "${arg}"`);
    arg = arg.slice(comma + 1);
  }
  if (arg === "")
    throw paramError('"--hmark-tuple" requires a list of types with no spaces, e.g. src,dst,sport,dport,proto');
  if (!tupleKeyword(cb, arg)) throw paramError(`Bad type "${arg}"`);
}
var hex4 = (n) => (n >>> 0).toString(16);
var hexPad = (n, w) => hex4(n).padStart(w, "0");
function printText3(d) {
  const f = d.flags;
  let out = " HMARK ";
  if (f & F(O_MODULUS)) out += `mod ${d.hmodulus} `;
  if (f & F(O_OFFSET)) out += `+ 0x${hex4(d.hoffset)} `;
  if (f & F(O_CT)) out += "ct, ";
  if (f & F(O_SADDR_MASK)) out += `src-prefix ${maskToCidr2(d.srcMask[0] ?? 0) >>> 0} `;
  if (f & F(O_DADDR_MASK)) out += `dst-prefix ${maskToCidr2(d.dstMask[0] ?? 0) >>> 0} `;
  if (f & F(O_SPORT_MASK)) out += `sport-mask 0x${hex4(d.portMask >>> 16)} `;
  if (f & F(O_DPORT_MASK)) out += `dport-mask 0x${hex4(d.portMask & 65535)} `;
  if (f & F(O_SPI_MASK)) out += `spi-mask 0x${hex4(d.portMask)} `;
  if (f & F(O_SPORT)) out += `sport 0x${hex4(d.portSet >>> 16)} `;
  if (f & F(O_DPORT)) out += `dport 0x${hex4(d.portSet & 65535)} `;
  if (f & F(O_SPI2)) out += `spi 0x${hex4(d.portSet)} `;
  if (f & F(O_PROTO_MASK)) out += `proto-mask 0x${hex4(d.protoMask)} `;
  if (f & F(O_RND)) out += `rnd 0x${hex4(d.hashrnd)} `;
  return out;
}
function saveText5(d) {
  const f = d.flags;
  let out = "";
  if (f & F(O_SADDR_MASK)) out += ` --hmark-src-prefix ${maskToCidr2(d.srcMask[0] ?? 0)}`;
  if (f & F(O_DADDR_MASK)) out += ` --hmark-dst-prefix ${maskToCidr2(d.dstMask[0] ?? 0)}`;
  if (f & F(O_SPORT_MASK)) out += ` --hmark-sport-mask 0x${hexPad(d.portMask >>> 16, 4)}`;
  if (f & F(O_DPORT_MASK)) out += ` --hmark-dport-mask 0x${hexPad(d.portMask & 65535, 4)}`;
  if (f & F(O_SPI_MASK)) out += ` --hmark-spi-mask 0x${hexPad(d.portMask, 8)}`;
  if (f & F(O_SPORT)) out += ` --hmark-sport 0x${hexPad(d.portSet >>> 16, 4)}`;
  if (f & F(O_DPORT)) out += ` --hmark-dport 0x${hexPad(d.portSet & 65535, 4)}`;
  if (f & F(O_SPI2)) out += ` --hmark-spi 0x${hexPad(d.portSet, 8)}`;
  if (f & F(O_PROTO_MASK)) out += ` --hmark-proto-mask 0x${hexPad(d.protoMask, 2)}`;
  if (f & F(O_RND)) out += ` --hmark-rnd 0x${hexPad(d.hashrnd, 8)}`;
  if (f & F(O_MODULUS)) out += ` --hmark-mod ${d.hmodulus}`;
  if (f & F(O_OFFSET)) out += ` --hmark-offset ${d.hoffset}`;
  if (f & F(O_CT)) out += " --hmark-tuple ct";
  return out;
}
function portsOffset2(proto2) {
  if (proto2 === 6 || proto2 === 17 || proto2 === 33 || proto2 === 50 || proto2 === 132 || proto2 === 136) return 0;
  return proto2 === 51 ? 4 : -1;
}
function compileHmark(d) {
  const srcMask = d.srcMask[0] >>> 0;
  const dstMask = d.dstMask[0] >>> 0;
  const portMask = d.portMask >>> 0;
  const portSet = d.portSet >>> 0;
  const ct = (d.flags & F(O_CT)) !== 0;
  const rnd = d.hashrnd >>> 0;
  const protoMask = d.protoMask & 65535;
  const mod = d.hmodulus >>> 0;
  const off = d.hoffset >>> 0;
  const swap = (raw) => {
    const hp = (raw & portMask | portSet) >>> 0;
    const src = hp >>> 16;
    const dst = hp & 65535;
    return dst > src ? (dst << 16 | src) >>> 0 : (src << 16 | dst) >>> 0;
  };
  const fromCt = (p) => {
    const c = p.ct;
    if (!c) return null;
    const [o, r] = [c.tuple[0], c.tuple[1]];
    const t = {
      src: (o.src & srcMask) >>> 0,
      dst: (r.src & dstMask) >>> 0,
      ports: 0,
      proto: o.proto & 255
    };
    if (t.proto !== IPPROTO_ICMP) t.ports = swap((o.sport << 16 | r.sport) >>> 0);
    return t;
  };
  const fromIcmp = (p) => {
    const b = ipBytes(p);
    const u16 = (o) => b[o] << 8 | b[o + 1];
    const u323 = (o) => (b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]) >>> 0;
    let nh = 0;
    const iphsz = (b[0] & 15) * 4;
    if (b.length >= iphsz + 8) {
      const type = b[iphsz];
      if (type <= 18 && (type === 3 || type === 4 || type === 5 || type === 11 || type === 12)) {
        nh = iphsz + 8;
        if (b.length < nh + 20) return null;
      }
    }
    const t = {
      src: (u323(nh + 12) & srcMask) >>> 0,
      dst: (u323(nh + 16) & dstMask) >>> 0,
      ports: 0,
      proto: b[nh + 9]
    };
    if (t.proto === IPPROTO_ICMP || u16(nh + 6) & (IP_MF | IP_OFFMASK)) return t;
    const poff = portsOffset2(t.proto);
    if (poff < 0) return t;
    const at = nh + (b[nh] & 15) * 4 + poff;
    if (at + 4 <= b.length) t.ports = swap(u323(at));
    return t;
  };
  const fromPacket = (p) => {
    if (p.proto === IPPROTO_ICMP) return fromIcmp(p);
    const t = {
      src: (p.src & srcMask) >>> 0,
      dst: (p.dst & dstMask) >>> 0,
      ports: 0,
      proto: p.proto & 255
    };
    if (p.frag & (IP_MF | IP_OFFMASK)) return t;
    const poff = portsOffset2(t.proto);
    if (poff < 0 || l4Avail(p) < poff + 4) return t;
    const raw = rawL4(p) ? (rawU16(p, poff) << 16 | rawU16(p, poff + 2)) >>> 0 : (p.sport << 16 | p.dport) >>> 0;
    t.ports = swap(raw);
    return t;
  };
  return (p) => {
    const t = ct ? fromCt(p) : fromPacket(p);
    if (!t) return XT_CONTINUE;
    let a = t.src;
    let b = t.dst;
    if (b < a) [a, b] = [b, a];
    const hash = (jhash3words(a, b, t.ports, rnd) ^ t.proto & protoMask) >>> 0;
    p.mark = reciprocalScale2(hash, mod) + off >>> 0;
    return XT_CONTINUE;
  };
}
var hmarkTarget = defineTarget({
  name: "HMARK",
  revision: 0,
  options: [
    { name: "hmark-tuple", id: O_TYPE, type: 10 /* STRING */ },
    { name: "hmark-src-prefix", id: O_SADDR_MASK, type: 20 /* PLENMASK */ },
    { name: "hmark-dst-prefix", id: O_DADDR_MASK, type: 20 /* PLENMASK */ },
    { name: "hmark-sport-mask", id: O_SPORT_MASK, type: 2 /* UINT16 */ },
    { name: "hmark-dport-mask", id: O_DPORT_MASK, type: 2 /* UINT16 */ },
    { name: "hmark-spi-mask", id: O_SPI_MASK, type: 3 /* UINT32 */ },
    { name: "hmark-sport", id: O_SPORT, type: 2 /* UINT16 */ },
    { name: "hmark-dport", id: O_DPORT, type: 2 /* UINT16 */ },
    { name: "hmark-spi", id: O_SPI2, type: 3 /* UINT32 */ },
    { name: "hmark-proto-mask", id: O_PROTO_MASK, type: 2 /* UINT16 */, flags: XTOPT_PUT, put: "protoMask" },
    { name: "hmark-rnd", id: O_RND, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "hashrnd" },
    { name: "hmark-mod", id: O_MODULUS, type: 3 /* UINT32 */, min: 1, flags: XTOPT_PUT | XTOPT_MAND, put: "hmodulus" },
    { name: "hmark-offset", id: O_OFFSET, type: 3 /* UINT32 */, flags: XTOPT_PUT, put: "hoffset" }
  ],
  init: () => ({
    srcMask: [0, 0, 0, 0],
    dstMask: [0, 0, 0, 0],
    portMask: 0,
    portSet: 0,
    flags: 0,
    protoMask: 0,
    hashrnd: 0,
    hmodulus: 0,
    hoffset: 0
  }),
  parse(cb) {
    const d = cb.data;
    const id = cb.entry.id;
    const v = cb.val.u >>> 0;
    switch (id) {
      case O_TYPE:
        parseTuple(cb);
        return;
      case O_SADDR_MASK:
        d.srcMask = plenWords(cb.val.hlen);
        break;
      case O_DADDR_MASK:
        d.dstMask = plenWords(cb.val.hlen);
        break;
      case O_SPI2:
        d.portSet = v;
        break;
      case O_SPORT:
        d.portSet = setHigh(d.portSet, v);
        break;
      case O_DPORT:
        d.portSet = setLow(d.portSet, v);
        break;
      case O_SPORT_MASK:
        d.portMask = setHigh(d.portMask, v);
        break;
      case O_DPORT_MASK:
        d.portMask = setLow(d.portMask, v);
        break;
      case O_SPI_MASK:
        d.portMask = v;
        break;
    }
    d.flags |= F(id);
  },
  finalCheck(cb) {
    const x = cb.xflags;
    if (!(x & F(O_MODULUS))) throw paramError("--hmark-mod is mandatory");
    if (!(x & F(O_RND))) throw paramError("--hmark-rnd is mandatory");
    if (x & F(O_SPI_MASK) && x & (F(O_SPORT_MASK) | F(O_DPORT_MASK)))
      throw paramError("you cannot use --hmark-spi-mask and --hmark-?port-mask,at the same time");
    if (!(x & PKT_MASK || x & F(O_CT))) throw paramError("you have to specify --hmark-tuple at least");
  },
  print: (d) => printText3(d),
  save: (d) => saveText5(d),
  compile: (d) => compileHmark(d),
  // The whole struct is compared: the unused mask words differ between "src" and "--hmark-src-prefix 32".
  compareKey: (d) => `${saveText5(d)} [${d.srcMask.join(",")}/${d.dstMask.join(",")}]`,
  kernelCheck(d) {
    if (!d.hmodulus) return { errno: "EINVAL", log: "hmark-mod can't be zero" };
    if (d.flags & F(O_SPI_MASK) && d.flags & (F(O_SPORT_MASK) | F(O_DPORT_MASK)))
      return { errno: "EINVAL", log: "spi-mask and port-mask can't be combined" };
    if (d.flags & F(O_SPI2) && d.flags & (F(O_SPORT) | F(O_DPORT)))
      return { errno: "EINVAL", log: "spi-set and port-set can't be combined" };
    return void 0;
  },
  help: () => "HMARK target options, i.e. modify hash calculation by:\n  --hmark-tuple [src|dst|sport|dport|spi|proto|ct][,...]\n  --hmark-mod value		    nfmark modulus value\n  --hmark-offset value		    Last action add value to nfmark\n\n  --hmark-rnd			    Random see for hashing\n Alternatively, fine tuning of what will be included in hash calculation\n  --hmark-src-prefix length	    Source address mask CIDR prefix\n  --hmark-dst-prefix length	    Dest address mask CIDR prefix\n  --hmark-sport-mask value	    Mask src port with value\n  --hmark-dport-mask value	    Mask dst port with value\n  --hmark-spi-mask value	    For esp and ah AND spi with value\n  --hmark-sport value		    OR src port with value\n  --hmark-dport value		    OR dst port with value\n  --hmark-spi value		    For esp and ah OR spi with value\n  --hmark-proto-mask value	    Mask Protocol with value\n"
});

// src/extensions/IDLETIMER.target.ts
var O_TIMEOUT2 = 0;
var O_LABEL2 = 1;
var O_ALARM = 2;
var XT_IDLETIMER_ALARM = 1;
var MAX_IDLETIMER_LABEL_SIZE = 28;
var INT_MAX2 = 2147483647;
function badLabel(label) {
  if (label === "." || label === ".." || label.includes("/")) return true;
  return label === "power" || label === "subsystem" || label === "uevent";
}
function checkEntry(d, peers) {
  if (d.timeout === 0) return { errno: "EINVAL", log: "timeout value is zero" };
  if (d.timeout >= Math.floor(INT_MAX2 / 1e3)) return { errno: "EINVAL", log: "timeout value is too big" };
  if (d.label === "" || d.label.length >= MAX_IDLETIMER_LABEL_SIZE) return { errno: "EINVAL" };
  if (d.timerType > XT_IDLETIMER_ALARM) return { errno: "EINVAL" };
  const existing = peers.find((p) => p.ext.name === "IDLETIMER" && p.data.label === d.label);
  if (existing) {
    if (existing.data.timerType !== d.timerType)
      return { errno: "EINVAL", log: "Adding/Replacing rule with same label and different timer type is not allowed" };
    return void 0;
  }
  if (badLabel(d.label)) return { errno: "EINVAL" };
  return void 0;
}
var idletimerTarget = defineTarget({
  name: "IDLETIMER",
  revision: 1,
  options: [
    { name: "timeout", id: O_TIMEOUT2, type: 3 /* UINT32 */, flags: XTOPT_MAND | XTOPT_PUT, put: "timeout" },
    {
      name: "label",
      id: O_LABEL2,
      type: 10 /* STRING */,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "label",
      size: MAX_IDLETIMER_LABEL_SIZE
    },
    { name: "alarm", id: O_ALARM, type: 0 /* NONE */ }
  ],
  init: () => ({ timeout: 0, label: "", timerType: 0 }),
  parse(cb) {
    if (cb.entry.id === O_ALARM) cb.data.timerType = XT_IDLETIMER_ALARM;
  },
  compile(d) {
    const timeoutNs = (d.timeout >>> 0) * 1e9;
    return (_p, ctx) => {
      const t = namedObject(ctx, "idletimer", d.label, () => ({
        label: d.label,
        alarm: d.timerType === XT_IDLETIMER_ALARM,
        expiresNs: 0
      }));
      t.expiresNs = ctx.nowNs + timeoutNs;
      return XT_CONTINUE;
    };
  },
  print: (d) => ` timeout:${d.timeout} label:${d.label}${d.timerType === XT_IDLETIMER_ALARM ? " alarm" : ""}`,
  save: (d) => ` --timeout ${d.timeout} --label ${d.label}${d.timerType === XT_IDLETIMER_ALARM ? " --alarm" : ""}`,
  kernelCheck: (d, ctx) => checkEntry(d, ctx.peers?.() ?? []),
  help: () => "IDLETIMER target options:\n --timeout time	Timeout until the notification is sent (in seconds)\n --label string	Unique rule identifier\n --alarm	Use alarm instead of default timer\n\n"
});

// src/extensions/LED.target.ts
var O_LED_TRIGGER_ID = 0;
var O_LED_DELAY = 1;
var O_LED_ALWAYS_BLINK = 2;
var LED_INF = 4294967295;
var LED_ID_MAX = 27 - 11;
function quoteId(id) {
  return `"${id.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
function signed(delay) {
  return delay | 0;
}
var ledTarget = defineTarget({
  name: "LED",
  revision: 0,
  loadWarning: "Warning: Extension LED revision 0 not supported, missing kernel module?\n",
  options: [
    { name: "led-trigger-id", id: O_LED_TRIGGER_ID, type: 10 /* STRING */, flags: XTOPT_MAND, min: 0, max: LED_ID_MAX },
    { name: "led-delay", id: O_LED_DELAY, type: 10 /* STRING */ },
    { name: "led-always-blink", id: O_LED_ALWAYS_BLINK, type: 0 /* NONE */ }
  ],
  init: () => ({ id: "", delay: 0, alwaysBlink: 0 }),
  parse(cb) {
    switch (cb.entry.id) {
      case O_LED_TRIGGER_ID:
        cb.data.id = cb.arg;
        break;
      case O_LED_DELAY: {
        if (cb.arg.slice(0, 3).toLowerCase() === "inf") {
          cb.data.delay = LED_INF;
          break;
        }
        const v = xtStrtouiWhole(cb.arg, 0, 4294967295);
        if (v === void 0) throw paramError("Delay value must be within range 0..4294967295");
        cb.data.delay = v;
        break;
      }
      case O_LED_ALWAYS_BLINK:
        cb.data.alwaysBlink = 1;
        break;
    }
  },
  print(d) {
    let out = ` led-trigger-id:${quoteId(d.id)}`;
    out += d.delay === LED_INF ? " led-delay:inf" : ` led-delay:${signed(d.delay)}ms`;
    if (d.alwaysBlink) out += " led-always-blink";
    return out;
  },
  save(d) {
    let out = ` --led-trigger-id ${quoteId(d.id)}`;
    if (d.delay > 0) out += ` --led-delay ${signed(d.delay)}`;
    if (d.alwaysBlink) out += " --led-always-blink";
    return out;
  },
  // No xt_LED in the kernel: nft_compat cannot find the target.
  kernelCheck: () => ({ errno: "ENOENT" }),
  help: () => "LED target options:\n--led-trigger-id name           suffix for led trigger name\n--led-delay ms                  leave the LED on for this number of\n                                milliseconds after triggering.\n--led-always-blink              blink on arriving packets, even if\n                                the LED is already on.\n"
});

// src/extensions/LOG.target.ts
var O_LOG_TCPSEQ = 0;
var O_LOG_TCPOPTS = 1;
var O_LOG_IPOPTS = 2;
var O_LOG_UID = 3;
var O_LOG_MAC = 5;
var O_LOG_LEVEL = 6;
var O_LOG_PREFIX = 7;
var XT_LOG_TCPSEQ = 1;
var XT_LOG_TCPOPT = 2;
var XT_LOG_IPOPT = 4;
var XT_LOG_UID = 8;
var XT_LOG_MACDECODE = 32;
var XT_LOG_MASK = 47;
var LOG_DEFAULT_LEVEL = 4;
var LOG_PREFIX_SIZE = 30;
var PRIORITY_NAMES = [
  ["alert", 1],
  ["crit", 2],
  ["debug", 7],
  ["emerg", 0],
  ["err", 3],
  ["error", 3],
  ["info", 6],
  ["none", 16],
  ["notice", 5],
  ["panic", 0],
  ["warn", 4],
  ["warning", 4]
];
function priorityName(level) {
  return PRIORITY_NAMES.find(([, v]) => v === level)?.[0];
}
var logTarget = defineTarget({
  name: "LOG",
  revision: 0,
  options: [
    { name: "log-level", id: O_LOG_LEVEL, type: 13 /* SYSLOGLEVEL */, flags: XTOPT_PUT, put: "level" },
    {
      name: "log-prefix",
      id: O_LOG_PREFIX,
      type: 10 /* STRING */,
      flags: XTOPT_PUT,
      put: "prefix",
      min: 1,
      size: LOG_PREFIX_SIZE
    },
    { name: "log-tcp-sequence", id: O_LOG_TCPSEQ, type: 0 /* NONE */ },
    { name: "log-tcp-options", id: O_LOG_TCPOPTS, type: 0 /* NONE */ },
    { name: "log-ip-options", id: O_LOG_IPOPTS, type: 0 /* NONE */ },
    { name: "log-uid", id: O_LOG_UID, type: 0 /* NONE */ },
    { name: "log-macdecode", id: O_LOG_MAC, type: 0 /* NONE */ }
  ],
  init: () => ({ level: LOG_DEFAULT_LEVEL, logflags: 0, prefix: "" }),
  parse(cb) {
    switch (cb.entry.id) {
      case O_LOG_PREFIX:
        if (cb.arg.includes("\n")) throw paramError("Newlines not allowed in --log-prefix");
        break;
      case O_LOG_TCPSEQ:
      case O_LOG_TCPOPTS:
      case O_LOG_IPOPTS:
      case O_LOG_UID:
      case O_LOG_MAC:
        cb.data.logflags |= 1 << cb.entry.id;
        break;
    }
  },
  print(d, ctx) {
    let out = " LOG";
    if (ctx.numeric) out += ` flags ${d.logflags} level ${d.level}`;
    else {
      const pname = priorityName(d.level);
      out += pname !== void 0 ? ` level ${pname}` : ` UNKNOWN level ${d.level}`;
      if (d.logflags & XT_LOG_TCPSEQ) out += " tcp-sequence";
      if (d.logflags & XT_LOG_TCPOPT) out += " tcp-options";
      if (d.logflags & XT_LOG_IPOPT) out += " ip-options";
      if (d.logflags & XT_LOG_UID) out += " uid";
      if (d.logflags & XT_LOG_MACDECODE) out += " macdecode";
      if (d.logflags & ~XT_LOG_MASK) out += " unknown-flags";
    }
    if (d.prefix !== "") out += ` prefix "${d.prefix}"`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.prefix !== "") out += ` --log-prefix${saveString(d.prefix)}`;
    if (d.level !== LOG_DEFAULT_LEVEL) out += ` --log-level ${d.level}`;
    if (d.logflags & XT_LOG_TCPSEQ) out += " --log-tcp-sequence";
    if (d.logflags & XT_LOG_TCPOPT) out += " --log-tcp-options";
    if (d.logflags & XT_LOG_IPOPT) out += " --log-ip-options";
    if (d.logflags & XT_LOG_UID) out += " --log-uid";
    if (d.logflags & XT_LOG_MACDECODE) out += " --log-macdecode";
    return out;
  },
  compile(d) {
    return (p, ctx) => {
      ctx.log(d.level, nfLogIpPacket(p, d.prefix, d.logflags));
      return XT_CONTINUE;
    };
  },
  kernelCheck(d) {
    if (d.level >= 8) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "LOG target options:\n --log-level level		Level of logging (numeric or see syslog.conf)\n --log-prefix prefix		Prefix log messages with this prefix.\n --log-tcp-sequence		Log TCP sequence numbers.\n --log-tcp-options		Log TCP options.\n --log-ip-options		Log IP options.\n --log-uid			Log UID owning the local socket.\n --log-macdecode		Decode MAC addresses and protocol.\n"
});

// src/extensions/NFLOG.target.ts
var O_GROUP2 = 0;
var O_PREFIX = 1;
var O_RANGE = 2;
var O_SIZE = 3;
var O_THRESHOLD = 4;
var F_RANGE = 1 << O_RANGE;
var F_SIZE = 1 << O_SIZE;
var XT_NFLOG_F_COPY_LEN = 1;
var XT_NFLOG_DEFAULT_THRESHOLD = 0;
var NF_LOG_PREFIXLEN = 128;
var COMPARED_PREFIX = 68;
function nflogText(d, prefix) {
  let out = "";
  if (d.prefix !== "") out += ` ${prefix}nflog-prefix${saveString(d.prefix)}`;
  if (d.group) out += ` ${prefix}nflog-group ${d.group}`;
  if (d.flags & XT_NFLOG_F_COPY_LEN) out += ` ${prefix}nflog-size ${d.len}`;
  else if (d.len) out += ` ${prefix}nflog-range ${d.len}`;
  if (d.threshold !== XT_NFLOG_DEFAULT_THRESHOLD) out += ` ${prefix}nflog-threshold ${d.threshold}`;
  return out;
}
var nflogTarget = defineTarget({
  name: "NFLOG",
  revision: 0,
  options: [
    { name: "nflog-group", id: O_GROUP2, type: 2 /* UINT16 */, flags: XTOPT_PUT, put: "group" },
    { name: "nflog-prefix", id: O_PREFIX, type: 10 /* STRING */, min: 1 },
    { name: "nflog-range", id: O_RANGE, type: 3 /* UINT32 */, excl: F_SIZE, flags: XTOPT_PUT, put: "len" },
    { name: "nflog-size", id: O_SIZE, type: 3 /* UINT32 */, excl: F_RANGE, flags: XTOPT_PUT, put: "len" },
    { name: "nflog-threshold", id: O_THRESHOLD, type: 2 /* UINT16 */, flags: XTOPT_PUT, put: "threshold" }
  ],
  init: () => ({ len: 0, group: 0, threshold: XT_NFLOG_DEFAULT_THRESHOLD, flags: 0, prefix: "" }),
  parse(cb) {
    if (cb.entry.id === O_PREFIX) {
      if (cb.arg.includes("\n")) throw paramError("Newlines not allowed in --log-prefix");
      const bytes = new TextEncoder().encode(cb.arg);
      cb.data.prefix = bytes.length < NF_LOG_PREFIXLEN ? cb.arg : new TextDecoder().decode(bytes.subarray(0, NF_LOG_PREFIXLEN - 1));
    }
  },
  finalCheck(cb) {
    if (cb.xflags & F_RANGE)
      cb.warn?.("warn: --nflog-range has never worked and is no longer supported, please use --nflog-size instead\n");
    if (cb.xflags & F_SIZE) cb.data.flags |= XT_NFLOG_F_COPY_LEN;
  },
  normalize(d) {
    return { ...d, len: d.flags & XT_NFLOG_F_COPY_LEN ? d.len : 0, flags: d.flags & XT_NFLOG_F_COPY_LEN };
  },
  // nft "log group N": nfnetlink_log finds no listener for the group, so nothing is sent
  // or printed (nothing reaches dmesg) and the packet goes on.
  compile: () => () => XT_CONTINUE,
  print: (d) => nflogText(d, ""),
  save: (d) => nflogText(d, "--"),
  compareKey: (d) => nflogText({ ...d, prefix: d.prefix.slice(0, COMPARED_PREFIX) }, "--"),
  help: () => "NFLOG target options:\n --nflog-group NUM		NETLINK group used for logging\n --nflog-range NUM		This option has no effect, use --nflog-size\n --nflog-size NUM		Number of bytes to copy\n --nflog-threshold NUM		Message threshold of in-kernel queue\n --nflog-prefix STRING		Prefix string for log messages\n"
});

// src/extensions/NFQUEUE.target.ts
var O_QUEUE_NUM = 0;
var O_QUEUE_BALANCE = 1;
var O_QUEUE_BYPASS = 2;
var O_QUEUE_CPU_FANOUT = 3;
var F_QUEUE_NUM = 1 << O_QUEUE_NUM;
var F_QUEUE_BALANCE = 1 << O_QUEUE_BALANCE;
var NFQ_FLAG_BYPASS = 1;
var NFQ_FLAG_CPU_FANOUT = 2;
var NFQ_FLAG_MASK = 3;
var NF_VERDICT_FLAG_QUEUE_BYPASS = 32768;
function nfqText(d, save) {
  let out = "";
  if (d.queuesTotal > 1) {
    const last = d.queuesTotal + d.queuenum - 1;
    out += save ? ` --queue-balance ${d.queuenum}:${last}` : ` NFQUEUE balance ${d.queuenum}:${last}`;
  } else out += save ? ` --queue-num ${d.queuenum}` : ` NFQUEUE num ${d.queuenum}`;
  if (d.flags & NFQ_FLAG_BYPASS) out += save ? " --queue-bypass" : " bypass";
  if (d.flags & NFQ_FLAG_CPU_FANOUT) out += save ? " --queue-cpu-fanout" : " cpu-fanout";
  return out;
}
var nfqueueTarget = defineTarget({
  name: "NFQUEUE",
  revision: 3,
  options: [
    {
      name: "queue-num",
      id: O_QUEUE_NUM,
      type: 2 /* UINT16 */,
      flags: XTOPT_PUT,
      put: "queuenum",
      excl: F_QUEUE_BALANCE
    },
    // .max is set but xtopt_parse_mint ignores it: "4:" means 4:65535.
    { name: "queue-balance", id: O_QUEUE_BALANCE, type: 6 /* UINT16RC */, max: 65534, excl: F_QUEUE_NUM },
    { name: "queue-bypass", id: O_QUEUE_BYPASS, type: 0 /* NONE */ },
    { name: "queue-cpu-fanout", id: O_QUEUE_CPU_FANOUT, type: 0 /* NONE */, also: F_QUEUE_BALANCE }
  ],
  init: () => ({ queuenum: 0, queuesTotal: 1, flags: 0 }),
  parse(cb) {
    switch (cb.entry.id) {
      case O_QUEUE_BALANCE: {
        const [first = 0, last = 0] = cb.val.range;
        if (cb.nvals !== 2) throw paramError(`Bad range "${cb.arg}"`);
        if (first >= last) throw paramError(`${first} should be less than ${last}`);
        cb.data.queuenum = first;
        cb.data.queuesTotal = last - first + 1 & 65535;
        break;
      }
      case O_QUEUE_BYPASS:
        cb.data.flags |= NFQ_FLAG_BYPASS;
        break;
      case O_QUEUE_CPU_FANOUT:
        cb.data.flags |= NFQ_FLAG_CPU_FANOUT;
        break;
    }
  },
  compile(d) {
    const bypass = d.flags & NFQ_FLAG_BYPASS ? NF_VERDICT_FLAG_QUEUE_BYPASS : 0;
    const v = (d.queuenum << 16 >>> 0 | NF_QUEUE | bypass) >>> 0;
    return () => v;
  },
  print: (d) => nfqText(d, false),
  save: (d) => nfqText(d, true),
  kernelCheck(d) {
    if (d.queuesTotal === 0) return { errno: "EINVAL", log: "number of total queues is 0" };
    if (d.queuesTotal - 1 + d.queuenum > 65535) return { errno: "ERANGE" };
    if (d.flags & ~NFQ_FLAG_MASK) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "NFQUEUE target options\n  --queue-num value            Send packet to QUEUE number <value>.\n                               Valid queue numbers are 0-65535\n  --queue-balance first:last   Balance flows between queues <value> to <value>.\n  --queue-bypass               Bypass Queueing if no queue instance exists.\n  --queue-cpu-fanout	Use current CPU (no hashing)\n"
});

// src/extensions/REJECT.target.ts
var IPT_ICMP_PORT_UNREACHABLE = 3;
var IPT_ICMP_ECHOREPLY = 4;
var IPT_TCP_RESET = 7;
var REJECT_TABLE = [
  ["icmp-net-unreachable", "net-unreach", "ICMP network unreachable"],
  ["icmp-host-unreachable", "host-unreach", "ICMP host unreachable"],
  ["icmp-proto-unreachable", "proto-unreach", "ICMP protocol unreachable"],
  ["icmp-port-unreachable", "port-unreach", "ICMP port unreachable (default)"],
  null,
  ["icmp-net-prohibited", "net-prohib", "ICMP network prohibited"],
  ["icmp-host-prohibited", "host-prohib", "ICMP host prohibited"],
  ["tcp-reset", "tcp-rst", "TCP RST packet"],
  ["icmp-admin-prohibited", "admin-prohib", "ICMP administratively prohibited (*)"]
];
var REJECT_ICMP_CODE = [0, 1, 2, 3, void 0, 9, 10, void 0, 13];
function isPrefixCi(full, arg) {
  return full.slice(0, arg.length).toLowerCase() === arg.toLowerCase();
}
function rejectName(w) {
  return REJECT_TABLE[w]?.[0] ?? "(null)";
}
var rejectTarget = defineTarget({
  name: "REJECT",
  revision: 0,
  tables: ["filter"],
  hooks: HOOK_IN | HOOK_FWD | HOOK_OUT,
  options: [{ name: "reject-with", id: 0, type: 10 /* STRING */ }],
  init: () => ({ with: IPT_ICMP_PORT_UNREACHABLE }),
  parse(cb) {
    const arg = cb.arg;
    for (let i = 0; i < REJECT_TABLE.length; i++) {
      const e = REJECT_TABLE[i];
      if (!e) continue;
      if (isPrefixCi(e[0], arg) || isPrefixCi(e[1], arg)) {
        cb.data.with = i;
        return;
      }
    }
    const msg = `unknown reject type "${arg}"`;
    if (isPrefixCi("echo-reply", arg) || isPrefixCi("echoreply", arg))
      throw new XtablesError(2 /* Parameter */, msg, "param", "--reject-with echo-reply no longer supported\n");
    throw paramError(msg);
  },
  print: (d) => ` reject-with ${rejectName(d.with)}`,
  save: (d) => ` --reject-with ${rejectName(d.with)}`,
  kernelCheck(d, ctx) {
    if (d.with === IPT_ICMP_ECHOREPLY) return { errno: "EINVAL", log: "ECHOREPLY no longer supported." };
    if (d.with === IPT_TCP_RESET && (ctx.ip.proto !== 6 || ctx.ip.invflags & IPT_INV_PROTO))
      return { errno: "EINVAL", log: "TCP_RESET invalid for non-tcp" };
    return void 0;
  },
  compile(d) {
    const code2 = REJECT_ICMP_CODE[d.with];
    return (p, ctx) => {
      if (d.with === IPT_TCP_RESET) ctx.reply?.tcpReset(p);
      else if (code2 !== void 0) ctx.reply?.icmpError(p, 3, code2);
      return NF_DROP2;
    };
  },
  help() {
    let out = "REJECT target options:\n--reject-with type              drop input packet and send back\n                                a reply packet according to type:\nValid reject types:\n";
    for (const e of REJECT_TABLE) {
      if (!e) continue;
      out += `    ${e[0].padEnd(25)}	${e[2]}
    ${e[1].padEnd(25)}	alias
`;
    }
    return `${out}
(*) See man page or read the INCOMPATIBILITES file for compatibility issues.
`;
  }
});

// src/extensions/SET.target.ts
var O_ADD = 1;
var O_DEL = 2;
var O_EXIST = 3;
var O_TIMEOUT3 = 4;
var O_MAP = 5;
var O_MAP_MARK = 6;
var O_MAP_PRIO = 7;
var O_MAP_QUEUE = 8;
var SET_TARGET_ADD = 1;
var SET_TARGET_DEL = 2;
var SET_TARGET_EXIST = 4;
var SET_TARGET_TIMEOUT = 8;
var SET_TARGET_MAP = 16;
var SET_TARGET_MAP_MARK = 32;
var SET_TARGET_MAP_PRIO = 64;
var SET_TARGET_MAP_QUEUE = 128;
var IPSET_FLAG_EXIST = 1 << 2;
var IPSET_FLAG_MAP_SKBMARK = 1 << 4;
var IPSET_FLAG_MAP_SKBPRIO = 1 << 5;
var IPSET_FLAG_MAP_SKBQUEUE = 1 << 6;
var IPSET_MAXNAMELEN2 = 32;
var UINT32_MAX2 = 4294967295;
function emptyRef() {
  return { name: "", dim: 0, flags: 0 };
}
function parseSetRef(cb, ref, what) {
  const g = cb.getopt;
  if (ref.dim) throw paramError(`--${what} can be specified only once`);
  const next = g.argv[g.optind];
  if (next === void 0 || next[0] === "-" || next[0] === "!") throw paramError(`--${what} requires two args.`);
  if (cb.arg.length > IPSET_MAXNAMELEN2 - 1)
    throw paramError(`setname \`${cb.arg}' too long, max ${IPSET_MAXNAMELEN2 - 1} characters.`);
  throw paramError(`Set ${cb.arg} doesn't exist.
`);
}
function printRef(prefix, ref) {
  if (!ref.dim) return "";
  let out = ` ${prefix} ${ref.name}`;
  for (let i = 1; i <= ref.dim; i++) out += `${i === 1 ? " " : ","}${ref.flags & 1 << i ? "src" : "dst"}`;
  return out;
}
function setText(d, p) {
  let out = printRef(`${p}add-set`, d.addSet);
  if (d.flags & IPSET_FLAG_EXIST) out += ` ${p}exist`;
  if (d.timeout !== UINT32_MAX2) out += ` ${p}timeout ${d.timeout}`;
  out += printRef(`${p}del-set`, d.delSet);
  out += printRef(`${p}map-set`, d.mapSet);
  if (d.flags & IPSET_FLAG_MAP_SKBMARK) out += ` ${p}map-mark`;
  if (d.flags & IPSET_FLAG_MAP_SKBPRIO) out += ` ${p}map-prio`;
  if (d.flags & IPSET_FLAG_MAP_SKBQUEUE) out += ` ${p}map-queue`;
  return out;
}
var setTarget = defineTarget({
  name: "SET",
  revision: 3,
  rawParse: true,
  options: [
    { name: "add-set", id: O_ADD, type: 10 /* STRING */ },
    { name: "del-set", id: O_DEL, type: 10 /* STRING */ },
    { name: "exist", id: O_EXIST, type: 0 /* NONE */ },
    { name: "timeout", id: O_TIMEOUT3, type: 10 /* STRING */ },
    { name: "map-set", id: O_MAP, type: 10 /* STRING */ },
    { name: "map-mark", id: O_MAP_MARK, type: 0 /* NONE */ },
    { name: "map-prio", id: O_MAP_PRIO, type: 0 /* NONE */ },
    { name: "map-queue", id: O_MAP_QUEUE, type: 0 /* NONE */ }
  ],
  init: () => ({ addSet: emptyRef(), delSet: emptyRef(), mapSet: emptyRef(), flags: 0, timeout: UINT32_MAX2 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_ADD:
        parseSetRef(cb, d.addSet, "add-set");
        cb.xflags |= SET_TARGET_ADD;
        break;
      case O_DEL:
        parseSetRef(cb, d.delSet, "del-set");
        cb.xflags |= SET_TARGET_DEL;
        break;
      case O_EXIST:
        d.flags |= IPSET_FLAG_EXIST;
        cb.xflags |= SET_TARGET_EXIST;
        break;
      case O_TIMEOUT3: {
        const t = xtStrtouiWhole(cb.arg, 0, UINT32_MAX2 - 1);
        if (t === void 0)
          throw paramError(`Invalid value for option --timeout or out of range 0-${UINT32_MAX2 - 1}`);
        d.timeout = t;
        cb.xflags |= SET_TARGET_TIMEOUT;
        break;
      }
      case O_MAP:
        parseSetRef(cb, d.mapSet, "map-set");
        cb.xflags |= SET_TARGET_MAP;
        break;
      case O_MAP_MARK:
        d.flags |= IPSET_FLAG_MAP_SKBMARK;
        cb.xflags |= SET_TARGET_MAP_MARK;
        break;
      case O_MAP_PRIO:
        d.flags |= IPSET_FLAG_MAP_SKBPRIO;
        cb.xflags |= SET_TARGET_MAP_PRIO;
        break;
      case O_MAP_QUEUE:
        d.flags |= IPSET_FLAG_MAP_SKBQUEUE;
        cb.xflags |= SET_TARGET_MAP_QUEUE;
        break;
    }
  },
  finalCheck(cb) {
    const f = cb.xflags;
    if (!(f & (SET_TARGET_ADD | SET_TARGET_DEL | SET_TARGET_MAP)))
      throw paramError("You must specify either `--add-set' or `--del-set' or `--map-set'");
    if (!(f & SET_TARGET_ADD)) {
      if (f & SET_TARGET_EXIST) throw paramError("Flag `--exist' can be used with `--add-set' only");
      if (f & SET_TARGET_TIMEOUT) throw paramError("Option `--timeout' can be used with `--add-set' only");
    }
    if (!(f & SET_TARGET_MAP)) {
      if (f & SET_TARGET_MAP_MARK) throw paramError("Flag `--map-mark' can be used with `--map-set' only");
      if (f & SET_TARGET_MAP_PRIO) throw paramError("Flag `--map-prio' can be used with `--map-set' only");
      if (f & SET_TARGET_MAP_QUEUE) throw paramError("Flag `--map-queue' can be used with `--map-set' only");
    }
    if (f & SET_TARGET_MAP && !(f & (SET_TARGET_MAP_MARK | SET_TARGET_MAP_PRIO | SET_TARGET_MAP_QUEUE)))
      throw paramError("You must specify flags `--map-mark' or '--map-prio` or `--map-queue'");
  },
  print: (d) => setText(d, ""),
  save: (d) => setText(d, "--"),
  help: () => "SET target options:\n --add-set name flags [--exist] [--timeout n]\n --del-set name flags\n --map-set name flags [--map-mark] [--map-prio] [--map-queue]\n		add/del src/dst IP/port from/to named sets,\n		where flags are the comma separated list of\n		'src' and 'dst' specifications.\n"
});

// src/extensions/groups/targets1.ts
var matches5 = [];
var targets5 = [
  rejectTarget,
  logTarget,
  nflogTarget,
  nfqueueTarget,
  auditTarget,
  classifyTarget,
  setTarget,
  idletimerTarget,
  ledTarget,
  hmarkTarget
];

// src/extensions/groups/targets2.ts
var targets2_exports = {};
__export(targets2_exports, {
  matches: () => matches6,
  targets: () => targets6
});

// src/extensions/CHECKSUM.target.ts
var O_CHECKSUM_FILL = 0;
var XT_CHECKSUM_OP_FILL = 1;
var checksumTarget = defineTarget({
  name: "CHECKSUM",
  revision: 0,
  tables: ["mangle"],
  options: [{ name: "checksum-fill", id: O_CHECKSUM_FILL, flags: XTOPT_MAND, type: 0 /* NONE */ }],
  init: () => ({ operation: 0 }),
  parse(cb) {
    cb.data.operation = XT_CHECKSUM_OP_FILL;
  },
  // checksum_tg(): completes a CHECKSUM_PARTIAL checksum; the twin computes every checksum when it
  // serialises a packet, so there is nothing left to fill in
  compile: () => () => XT_CONTINUE,
  print: (d) => ` CHECKSUM${d.operation & XT_CHECKSUM_OP_FILL ? " fill" : ""}`,
  save: (d) => d.operation & XT_CHECKSUM_OP_FILL ? " --checksum-fill" : "",
  kernelCheck(d) {
    if (d.operation & ~XT_CHECKSUM_OP_FILL || !d.operation) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "CHECKSUM target options\n  --checksum-fill			Fill in packet checksum.\n"
});

// src/extensions/nat-common.ts
var NF_NAT_RANGE_MAP_IPS2 = 1 << 0;
var NF_NAT_RANGE_PROTO_SPECIFIED2 = 1 << 1;
var NF_NAT_RANGE_PROTO_RANDOM2 = 1 << 2;
var NF_NAT_RANGE_PERSISTENT2 = 1 << 3;
var NF_NAT_RANGE_PROTO_RANDOM_FULLY2 = 1 << 4;
var NF_NAT_RANGE_PROTO_OFFSET2 = 1 << 5;
var O_TO_DEST = 0;
var O_TO_SRC = 1;
var O_TO_PORTS = 2;
var O_RANDOM = 3;
var O_RANDOM_FULLY = 4;
var O_PERSISTENT = 5;
function emptyRange() {
  return { flags: 0, minIp: 0, maxIp: 0, minPort: 0, maxPort: 0, basePort: 0 };
}
function natPortOk(proto2) {
  return proto2 === 6 || proto2 === 17 || proto2 === 132 || proto2 === 33 || proto2 === 1;
}
function inetPton4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return void 0;
  let v = 0;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || p.length > 1 && p[0] === "0") return void 0;
    const n = Number(p);
    if (n > 255) return void 0;
    v = v * 256 + n;
  }
  return v;
}
function serviceToPort(name) {
  return getServByName(name);
}
function parsePorts3(arg, portok, range) {
  if (!portok) throw paramError("Need TCP, UDP, SCTP or DCCP with port specification");
  range.flags |= NF_NAT_RANGE_PROTO_SPECIFIED2;
  let port2;
  let rest;
  const first = xtStrtoul(arg, 0, 65535);
  if (first.ok) {
    port2 = first.value;
    rest = arg.slice(first.end);
  } else {
    const p = serviceToPort(arg);
    if (p === void 0) throw paramError(`Port \`${arg}' not valid`);
    port2 = p;
    rest = "";
  }
  if (rest === "") {
    range.minPort = range.maxPort = port2;
    return;
  }
  if (rest[0] === ":") throw paramError("Invalid port:port syntax - use dash");
  if (rest[0] !== "-") throw paramError(`Garbage after port value: \`${rest}'`);
  const maxArg = rest.slice(1);
  const second = xtStrtoul(maxArg, 0, 65535);
  if (!second.ok) throw paramError(`Port \`${maxArg}' not valid`);
  if (second.value < port2) throw paramError(`Port range \`${maxArg}' funky`);
  range.minPort = port2;
  range.maxPort = second.value;
  const tail = maxArg.slice(second.end);
  if (tail === "") return;
  if (tail[0] !== "/") throw paramError(`Garbage after port range: \`${tail}'`);
  const baseArg = tail.slice(1);
  const third = xtStrtoul(baseArg, 1, 65535);
  let base;
  if (third.ok) base = third.value;
  else {
    const p = serviceToPort(baseArg);
    if (p === void 0) throw paramError(`Port \`${baseArg}' not valid`);
    base = p;
  }
  range.flags |= NF_NAT_RANGE_PROTO_OFFSET2;
  range.basePort = base;
}
function parseTo(orig, portok, range) {
  if (orig.includes("[")) throw paramError("Invalid address format");
  let colon = orig.indexOf(":");
  if (colon >= 0 && orig.indexOf(":", colon + 1) >= 0) colon = -1;
  let start = orig;
  if (colon >= 0) {
    parsePorts3(orig.slice(colon + 1), portok, range);
    if (colon === 0 || colon === 2) return;
    start = orig.slice(0, colon);
  }
  range.flags |= NF_NAT_RANGE_MAP_IPS2;
  const dash = start.indexOf("-");
  const lo = dash >= 0 ? start.slice(0, dash) : start;
  const min = inetPton4(lo);
  if (min === void 0) throw paramError(`Bad IP address "${lo}"`);
  range.minIp = min;
  if (dash >= 0) {
    const hi = start.slice(dash + 1);
    const max = inetPton4(hi);
    if (max === void 0) throw paramError(`Bad IP address "${hi}"`);
    range.maxIp = max;
  } else {
    range.maxIp = min;
  }
}
function sprintRange(r) {
  let buf = "";
  if (r.flags & NF_NAT_RANGE_MAP_IPS2) {
    buf += formatIPv4(r.minIp);
    if (r.minIp !== r.maxIp) buf += `-${formatIPv4(r.maxIp)}`;
  }
  if (r.flags & NF_NAT_RANGE_PROTO_SPECIFIED2) {
    buf += `:${r.minPort}`;
    if (r.maxPort !== r.minPort) buf += `-${r.maxPort}`;
    if (r.flags & NF_NAT_RANGE_PROTO_OFFSET2) buf += `/${r.basePort}`;
  }
  return buf;
}
function natPrint(r, rangeopt, flagPfx, skipColon) {
  let out = "";
  let s = sprintRange(r);
  if (s.length > 0) {
    if (s[0] === ":" && skipColon) s = s.slice(1);
    out += ` ${rangeopt}${s}`;
  }
  if (r.flags & NF_NAT_RANGE_PROTO_RANDOM2) out += ` ${flagPfx}random`;
  if (r.flags & NF_NAT_RANGE_PROTO_RANDOM_FULLY2) out += ` ${flagPfx}random-fully`;
  if (r.flags & NF_NAT_RANGE_PERSISTENT2) out += ` ${flagPfx}persistent`;
  return out;
}
function natParseCompat(id, arg, proto2, d) {
  const range = emptyRange();
  const portok = natPortOk(proto2);
  switch (id) {
    case O_TO_DEST:
    case O_TO_SRC:
      parseTo(arg, portok, range);
      d.minIp = range.minIp;
      d.maxIp = range.maxIp;
      d.minPort = range.minPort;
      d.maxPort = range.maxPort;
      break;
    case O_TO_PORTS:
      parsePorts3(arg, portok, range);
      d.minPort = range.minPort;
      d.maxPort = range.maxPort;
      break;
    case O_PERSISTENT:
      range.flags |= NF_NAT_RANGE_PERSISTENT2;
      break;
    case O_RANDOM:
      range.flags |= NF_NAT_RANGE_PROTO_RANDOM2;
      break;
    case O_RANDOM_FULLY:
      range.flags |= NF_NAT_RANGE_PROTO_RANDOM_FULLY2;
      break;
  }
  d.flags |= range.flags;
}

// src/extensions/DNAT.target.ts
var dnatTarget2 = defineTarget({
  name: "DNAT",
  revision: 2,
  tables: ["nat"],
  hooks: HOOK_PRE | HOOK_OUT,
  options: [
    { name: "to-destination", id: O_TO_DEST, type: 10 /* STRING */, flags: XTOPT_MAND },
    { name: "random", id: O_RANDOM, type: 0 /* NONE */ },
    { name: "persistent", id: O_PERSISTENT, type: 0 /* NONE */ }
  ],
  init: () => emptyRange(),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => dnatTarget(d),
  parse(cb) {
    switch (cb.entry.id) {
      case O_TO_DEST:
        parseTo(cb.arg, natPortOk(cb.ip.proto), cb.data);
        break;
      case O_PERSISTENT:
        cb.data.flags |= NF_NAT_RANGE_PERSISTENT2;
        break;
      case O_RANDOM:
        cb.data.flags |= NF_NAT_RANGE_PROTO_RANDOM2;
        break;
    }
  },
  print: (d) => natPrint(d, "to:", "", false),
  save: (d) => natPrint(d, "--to-destination ", "--", false),
  help: () => "DNAT target options:\n --to-destination [<ipaddr>[-<ipaddr>]][:port[-port[/port]]]\n				Address to map destination to.\n[--random] [--persistent]\n"
});

// src/extensions/DSCP.target.ts
var O_SET_DSCP = 0;
var O_SET_DSCP_CLASS = 1;
var XT_DSCP_MAX2 = 63;
var DS_CLASSES2 = [
  ["CS0", 0],
  ["CS1", 8],
  ["CS2", 16],
  ["CS3", 24],
  ["CS4", 32],
  ["CS5", 40],
  ["CS6", 48],
  ["CS7", 56],
  ["BE", 0],
  ["AF11", 10],
  ["AF12", 12],
  ["AF13", 14],
  ["AF21", 18],
  ["AF22", 20],
  ["AF23", 22],
  ["AF31", 26],
  ["AF32", 28],
  ["AF33", 30],
  ["AF41", 34],
  ["AF42", 36],
  ["AF43", 38],
  ["EF", 46]
];
function classToDscp2(name) {
  const upper = name.replace(/[a-z]/g, (c) => c.toUpperCase());
  for (const [cls, v] of DS_CLASSES2) if (upper.slice(0, cls.length) === cls) return v;
  throw paramError(`Invalid DSCP value \`${name}'`);
}
var hex24 = (n) => n.toString(16).padStart(2, "0");
var dscpTarget = defineTarget({
  name: "DSCP",
  revision: 0,
  tables: ["mangle"],
  options: [
    {
      name: "set-dscp",
      id: O_SET_DSCP,
      excl: 1 << O_SET_DSCP_CLASS,
      type: 1 /* UINT8 */,
      min: 0,
      max: XT_DSCP_MAX2,
      flags: XTOPT_PUT,
      put: "dscp"
    },
    { name: "set-dscp-class", id: O_SET_DSCP_CLASS, excl: 1 << O_SET_DSCP, type: 10 /* STRING */ }
  ],
  init: () => ({ dscp: 0 }),
  parse(cb) {
    if (cb.entry.id === O_SET_DSCP_CLASS) cb.data.dscp = classToDscp2(cb.arg);
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("DSCP target: Parameter --set-dscp is required");
  },
  print: (d) => ` DSCP set 0x${hex24(d.dscp)}`,
  compile(d) {
    const ds = d.dscp << 2 & 255;
    return (p) => {
      p.tos = p.tos & 3 | ds;
      return XT_CONTINUE;
    };
  },
  save: (d) => ` --set-dscp 0x${hex24(d.dscp)}`,
  kernelCheck: (d) => d.dscp > XT_DSCP_MAX2 ? { errno: "EINVAL" } : void 0,
  help: () => "DSCP target options\n  --set-dscp value		Set DSCP field in packet header to value\n  		                This value can be in decimal (ex: 32)\n               		or in hex (ex: 0x20)\n  --set-dscp-class class	Set the DSCP field in packet header to the\n				value represented by the DiffServ class value.\n				This class may be EF,BE or any of the CSxx\n				or AFxx classes.\n\n				These two options are mutually exclusive !\n"
});

// src/extensions/ECN.target.ts
var O_ECN_TCP_REMOVE = 0;
var O_ECN_TCP_CWR2 = 1;
var O_ECN_TCP_ECE2 = 2;
var O_ECN_IP_ECT2 = 3;
var F_ECN_TCP_REMOVE = 1 << O_ECN_TCP_REMOVE;
var F_ECN_TCP_CWR = 1 << O_ECN_TCP_CWR2;
var F_ECN_TCP_ECE = 1 << O_ECN_TCP_ECE2;
var IPT_ECN_OP_SET_IP = 1;
var IPT_ECN_OP_SET_ECE = 16;
var IPT_ECN_OP_SET_CWR = 32;
function isRemove(d) {
  return d.operation === (IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR) && d.ece === 0 && d.cwr === 0;
}
var ecnTarget = defineTarget({
  name: "ECN",
  revision: 0,
  tables: ["mangle"],
  options: [
    { name: "ecn-tcp-remove", id: O_ECN_TCP_REMOVE, type: 0 /* NONE */, excl: F_ECN_TCP_CWR | F_ECN_TCP_ECE },
    { name: "ecn-tcp-cwr", id: O_ECN_TCP_CWR2, type: 1 /* UINT8 */, min: 0, max: 1, excl: F_ECN_TCP_REMOVE },
    { name: "ecn-tcp-ece", id: O_ECN_TCP_ECE2, type: 1 /* UINT8 */, min: 0, max: 1, excl: F_ECN_TCP_REMOVE },
    { name: "ecn-ip-ect", id: O_ECN_IP_ECT2, type: 1 /* UINT8 */, min: 0, max: 3 }
  ],
  init: () => ({ operation: 0, ipEct: 0, ece: 0, cwr: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_ECN_TCP_REMOVE:
        d.operation = IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR;
        d.ece = 0;
        d.cwr = 0;
        break;
      case O_ECN_TCP_CWR2:
        d.operation |= IPT_ECN_OP_SET_CWR;
        d.cwr = cb.val.u;
        break;
      case O_ECN_TCP_ECE2:
        d.operation |= IPT_ECN_OP_SET_ECE;
        d.ece = cb.val.u;
        break;
      case O_ECN_IP_ECT2:
        d.operation |= IPT_ECN_OP_SET_IP;
        d.ipEct = cb.val.u;
        break;
    }
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("ECN target: An operation is required");
  },
  print(d) {
    if (isRemove(d)) return " ECN TCP remove";
    let out = " ECN";
    if (d.operation & IPT_ECN_OP_SET_ECE) out += ` ECE=${d.ece}`;
    if (d.operation & IPT_ECN_OP_SET_CWR) out += ` CWR=${d.cwr}`;
    if (d.operation & IPT_ECN_OP_SET_IP) out += ` ECT codepoint=${d.ipEct}`;
    return out;
  },
  save(d) {
    if (isRemove(d)) return " --ecn-tcp-remove";
    let out = "";
    if (d.operation & IPT_ECN_OP_SET_ECE) out += ` --ecn-tcp-ece ${d.ece}`;
    if (d.operation & IPT_ECN_OP_SET_CWR) out += ` --ecn-tcp-cwr ${d.cwr}`;
    if (d.operation & IPT_ECN_OP_SET_IP) out += ` --ecn-ip-ect ${d.ipEct}`;
    return out;
  },
  compile(d) {
    const setIp = (d.operation & IPT_ECN_OP_SET_IP) !== 0;
    const ect = d.ipEct & 3;
    const setEce = (d.operation & IPT_ECN_OP_SET_ECE) !== 0;
    const setCwr = (d.operation & IPT_ECN_OP_SET_CWR) !== 0;
    const ece = d.ece & 1;
    const cwr = d.cwr & 1;
    return (p) => {
      if (setIp) p.tos = p.tos & ~3 | ect;
      if ((setEce || setCwr) && p.proto === IPPROTO_TCP) {
        if (l4Avail(p) < 20) return NF_DROP2;
        const raw = rawL4(p);
        let f = raw ? p.payload?.[13] ?? 0 : p.tcpFlags;
        if (setEce) f = f & ~64 | ece << 6;
        if (setCwr) f = f & ~128 | cwr << 7;
        if (!raw) p.tcpFlags = f;
        else if (f !== (p.payload?.[13] ?? 0)) {
          const b = new Uint8Array(Math.max(14, p.payload?.length ?? 0));
          if (p.payload) b.set(p.payload);
          b[13] = f;
          p.payload = b;
        }
      }
      return XT_CONTINUE;
    };
  },
  // the rule compares the whole struct, not its save text
  compareKey: (d) => ` ecn op=${d.operation} ect=${d.ipEct} ece=${d.ece} cwr=${d.cwr}`,
  kernelCheck(d, ctx) {
    if (d.operation & (IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR) && (ctx.ip.proto !== 6 || ctx.ip.invflags & IPT_INV_PROTO))
      return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "ECN target options\n  --ecn-tcp-remove		Remove all ECN bits from TCP header\n"
});

// src/extensions/MASQUERADE.target.ts
var masqueradeTarget2 = defineTarget({
  name: "MASQUERADE",
  revision: 0,
  tables: ["nat"],
  hooks: HOOK_POST,
  options: [
    { name: "to-ports", id: O_TO_PORTS, type: 10 /* STRING */ },
    { name: "random", id: O_RANDOM, type: 0 /* NONE */ },
    { name: "random-fully", id: O_RANDOM_FULLY, type: 0 /* NONE */ }
  ],
  init: () => emptyRange(),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => masqueradeTarget(d),
  parse(cb) {
    natParseCompat(cb.entry.id, cb.arg, cb.ip.proto, cb.data);
  },
  print: (d) => natPrint(d, "masq ports: ", "", true),
  save: (d) => natPrint(d, "--to-ports ", "--", true),
  help: () => "MASQUERADE target options:\n --to-ports <port>[-<port>]\n				Port (range) to map to.\n --random\n				Randomize source port.\n --random-fully\n				Fully randomize source port.\n"
});

// src/extensions/NETMAP.target.ts
var O_TO2 = 0;
function netmapText(d) {
  const mask = ~(d.minIp ^ d.maxIp) >>> 0;
  const bits = maskToCidr(mask);
  return `${formatIPv4(d.minIp)}/${bits < 0 ? formatIPv4(mask) : bits}`;
}
var netmapTarget2 = defineTarget({
  name: "NETMAP",
  revision: 0,
  tables: ["nat"],
  hooks: HOOK_PRE | HOOK_POST | HOOK_OUT | HOOK_IN,
  options: [{ name: "to", id: O_TO2, type: 15 /* HOSTMASK */, flags: XTOPT_MAND }],
  init: () => ({ flags: 0, minIp: 0, maxIp: 0 }),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => netmapTarget(d),
  parse(cb) {
    const d = cb.data;
    d.flags |= NF_NAT_RANGE_MAP_IPS2;
    d.minIp = (cb.val.haddr & cb.val.hmask) >>> 0;
    d.maxIp = (d.minIp | ~cb.val.hmask) >>> 0;
  },
  print: (d) => ` to:${netmapText(d)}`,
  save: (d) => ` --to ${netmapText(d)}`,
  help: () => "NETMAP target options:\n  --to address[/mask]\n				Network address to map to.\n\n"
});

// src/extensions/RATEEST.target.ts
var O_NAME3 = 0;
var O_INTERVAL2 = 1;
var O_EWMALOG = 2;
var TIME_UNITS_PER_SEC = 1e6;
var NAME_SIZE2 = 16;
function cStrtodPrefix2(s) {
  const ws = /^[ \t\n\v\f\r]*/.exec(s)[0].length;
  const rest = s.slice(ws);
  let m = /^([+-]?)(inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?)/i.exec(rest);
  if (m) {
    const neg = m[1] === "-";
    const v = m[2][0].toLowerCase() === "i" ? Infinity : Number.NaN;
    return { value: neg ? -v : v, end: ws + m[0].length };
  }
  m = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))([pP][+-]?[0-9]+)?/.exec(rest);
  if (m) {
    const [ip2, fp = ""] = m[2].split(".");
    let v = 0;
    for (const c of `${ip2}${fp}`) v = v * 16 + Number.parseInt(c, 16);
    v /= 16 ** fp.length;
    if (m[3]) v *= 2 ** Number(m[3].slice(1));
    return { value: m[1] === "-" ? -v : v, end: ws + m[0].length };
  }
  m = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(rest);
  if (m) return { value: Number(m[0]), end: ws + m[0].length };
  return { value: 0, end: 0 };
}
function doubleToUint32(t) {
  if (Number.isNaN(t) || Math.abs(t) >= 2 ** 63) return 0;
  return Number(BigInt(Math.trunc(t)) & 0xffffffffn);
}
function getTime(str) {
  const r = cStrtodPrefix2(str);
  if (r.end === 0) return void 0;
  let t = r.value;
  const unit = str.slice(r.end).toLowerCase();
  if (unit !== "") {
    if (unit === "s" || unit === "sec" || unit === "secs") t *= TIME_UNITS_PER_SEC;
    else if (unit === "ms" || unit === "msec" || unit === "msecs") t *= TIME_UNITS_PER_SEC / 1e3;
    else if (unit === "us" || unit === "usec" || unit === "usecs") t *= TIME_UNITS_PER_SEC / 1e6;
    else return void 0;
  }
  return doubleToUint32(t);
}
function printfFixed(x, prec) {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
  const neg = x < 0 || Object.is(x, -0);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const bits = buf.getBigUint64(0);
  const expBits = Number(bits >> 52n & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let exp;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  let num = mant * 10n ** BigInt(prec);
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num / den;
  const r2 = num % den * 2n;
  if (r2 > den || r2 === den && q % 2n === 1n) q += 1n;
  let digits = q.toString().padStart(prec + 1, "0");
  if (prec > 0) digits = `${digits.slice(0, -prec)}.${digits.slice(-prec)}`;
  return (neg ? "-" : "") + digits;
}
function timeText(time) {
  if (time >= TIME_UNITS_PER_SEC) return ` ${printfFixed(time / TIME_UNITS_PER_SEC, 1)}s`;
  if (time >= TIME_UNITS_PER_SEC / 1e3) return ` ${printfFixed(time / (TIME_UNITS_PER_SEC / 1e3), 1)}ms`;
  return ` ${time}us`;
}
function rateestText(d, prefix) {
  const localInterval = Math.floor(TIME_UNITS_PER_SEC * 2 ** (d.interval + 2) / 4) >>> 0;
  const localEwmaLog = Number(BigInt(localInterval) << BigInt(d.ewmaLog) & 0xffffffffn);
  return ` ${prefix}name ${d.name} ${prefix}interval${timeText(localInterval)} ${prefix}ewmalog${timeText(localEwmaLog)}`;
}
var rateestTarget = defineTarget({
  name: "RATEEST",
  revision: 0,
  options: [
    {
      name: "rateest-name",
      id: O_NAME3,
      type: 10 /* STRING */,
      flags: XTOPT_MAND | XTOPT_PUT,
      put: "name",
      size: NAME_SIZE2
    },
    { name: "rateest-interval", id: O_INTERVAL2, type: 10 /* STRING */, flags: XTOPT_MAND },
    { name: "rateest-ewmalog", id: O_EWMALOG, type: 10 /* STRING */, flags: XTOPT_MAND }
  ],
  init: () => ({ name: "", interval: 0, ewmaLog: 0 }),
  parse(cb) {
    const u = cb.udata;
    if (cb.entry.id === O_INTERVAL2) {
      u.interval = getTime(cb.arg);
      if (u.interval === void 0) throw paramError(`RATEEST: bad interval value "${cb.arg}"`);
    } else if (cb.entry.id === O_EWMALOG) {
      u.ewmaLog = getTime(cb.arg);
      if (u.ewmaLog === void 0) throw paramError(`RATEEST: bad ewmalog value "${cb.arg}"`);
    }
  },
  finalCheck(cb) {
    const u = cb.udata;
    const uInterval = u.interval ?? 0;
    const uEwma = u.ewmaLog ?? 0;
    let interval = 0;
    for (; interval <= 5; interval++) if (uInterval <= 2 ** interval * (TIME_UNITS_PER_SEC / 4)) break;
    if (interval > 5) throw paramError("RATEEST: interval value is too large");
    let ewma = 1;
    for (; ewma < 32; ewma++) {
      const w = 1 - 1 / (1 << ewma);
      if (uInterval / -Math.log(w) > uEwma) break;
    }
    ewma--;
    if (ewma === 0 || ewma >= 31) throw paramError("RATEEST: ewmalog value is out of range");
    cb.data.interval = interval - 2;
    cb.data.ewmaLog = ewma;
  },
  print: (d) => rateestText(d, ""),
  save: (d) => rateestText(d, "--rateest-"),
  compile(d) {
    let shared = null;
    let est;
    return (p, ctx) => {
      if (ctx.shared !== shared) {
        shared = ctx.shared;
        est = rateEstimator(ctx, d.name, d.interval, d.ewmaLog);
      }
      advanceEstimator(est, ctx.nowNs);
      est.bytes += totalLen(p);
      est.packets++;
      return XT_CONTINUE;
    };
  },
  kernelCheck(d, ctx) {
    if (!ctx.peers) return void 0;
    for (const p of ctx.peers()) {
      if (p.ext !== rateestTarget) continue;
      const o = p.data;
      if (o.name !== d.name) continue;
      if (!d.interval && !d.ewmaLog || d.interval !== o.interval || d.ewmaLog !== o.ewmaLog)
        return { errno: "EINVAL" };
    }
    return void 0;
  },
  help: () => "RATEEST target options:\n  --rateest-name name		Rate estimator name\n  --rateest-interval sec	Rate measurement interval in seconds\n  --rateest-ewmalog value	Rate measurement averaging time constant\n"
});

// src/extensions/REDIRECT.target.ts
var redirectTarget2 = defineTarget({
  name: "REDIRECT",
  revision: 0,
  tables: ["nat"],
  hooks: HOOK_PRE | HOOK_OUT,
  options: [
    { name: "to-ports", id: O_TO_PORTS, type: 10 /* STRING */ },
    { name: "random", id: O_RANDOM, type: 0 /* NONE */ }
  ],
  init: () => emptyRange(),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => redirectTarget(d),
  parse(cb) {
    natParseCompat(cb.entry.id, cb.arg, cb.ip.proto, cb.data);
  },
  finalCheck(cb) {
    if (cb.data.flags & NF_NAT_RANGE_PROTO_OFFSET2)
      throw paramError("Shifted portmap ranges not supported with this kernel");
  },
  print: (d) => natPrint(d, "redir ports ", "", true),
  save: (d) => natPrint(d, "--to-ports ", "--", true),
  help: () => "REDIRECT target options:\n --to-ports <port>[-<port>]\n				Port (range) to map to.\n [--random]\n"
});

// src/extensions/SNAT.target.ts
var snatTarget2 = defineTarget({
  name: "SNAT",
  revision: 0,
  tables: ["nat"],
  hooks: HOOK_POST | HOOK_IN,
  options: [
    { name: "to-source", id: O_TO_SRC, type: 10 /* STRING */, flags: XTOPT_MAND },
    { name: "random", id: O_RANDOM, type: 0 /* NONE */ },
    { name: "random-fully", id: O_RANDOM_FULLY, type: 0 /* NONE */ },
    { name: "persistent", id: O_PERSISTENT, type: 0 /* NONE */ }
  ],
  init: () => emptyRange(),
  // packet semantics: src/engine/ct-extensions.ts
  compile: (d) => snatTarget(d),
  parse(cb) {
    natParseCompat(cb.entry.id, cb.arg, cb.ip.proto, cb.data);
  },
  print: (d) => natPrint(d, "to:", "", false),
  save: (d) => natPrint(d, "--to-source ", "--", false),
  help: () => "SNAT target options:\n --to-source [<ipaddr>[-<ipaddr>]][:port[-port]]\n				Address to map source to.\n[--random] [--random-fully] [--persistent]\n"
});

// src/extensions/SYNPROXY.target.ts
var O_SACK_PERM = 0;
var O_TIMESTAMP = 1;
var O_WSCALE = 2;
var O_MSS = 3;
var O_ECN = 4;
var XT_SYNPROXY_OPT_MSS = 1;
var XT_SYNPROXY_OPT_WSCALE = 2;
var XT_SYNPROXY_OPT_SACK_PERM = 4;
var XT_SYNPROXY_OPT_TIMESTAMP = 8;
var XT_SYNPROXY_OPT_ECN = 16;
function parseOptions(p, o) {
  let length = tcpHdrLen(p) - 20;
  if (length < 0 || l4Avail(p) < 20 + length) return false;
  let i = 0;
  const at = (k) => tcpOptByte(p, k);
  while (length > 0) {
    const opcode = at(i++);
    if (opcode === 0) return true;
    if (opcode === 1) {
      length--;
      continue;
    }
    if (length < 2) return true;
    const opsize = at(i++);
    if (opsize < 2 || opsize > length) return true;
    if (opcode === 2 && opsize === 4) {
      o.mss = at(i) << 8 | at(i + 1);
      o.options |= XT_SYNPROXY_OPT_MSS;
    } else if (opcode === 3 && opsize === 3) {
      o.wscale = Math.min(at(i), 14);
      o.options |= XT_SYNPROXY_OPT_WSCALE;
    } else if (opcode === 8 && opsize === 10) {
      o.tsval = (at(i) << 24 | at(i + 1) << 16 | at(i + 2) << 8 | at(i + 3)) >>> 0;
      o.tsecr = (at(i + 4) << 24 | at(i + 5) << 16 | at(i + 6) << 8 | at(i + 7)) >>> 0;
      o.options |= XT_SYNPROXY_OPT_TIMESTAMP;
    } else if (opcode === 4 && opsize === 2) o.options |= XT_SYNPROXY_OPT_SACK_PERM;
    i += opsize - 2;
    length -= opsize;
  }
  return true;
}
var MSSTAB = [536, 1300, 1440, 1460];
function buildOptions(o, mssOption) {
  const words = [];
  if (o.options & XT_SYNPROXY_OPT_MSS) words.push(2 << 24 | 4 << 16 | mssOption);
  if (o.options & XT_SYNPROXY_OPT_TIMESTAMP) {
    if (o.options & XT_SYNPROXY_OPT_SACK_PERM) words.push(4 << 24 | 2 << 16 | 8 << 8 | 10);
    else words.push(1 << 24 | 1 << 16 | 8 << 8 | 10);
    words.push(o.tsval, o.tsecr);
  } else if (o.options & XT_SYNPROXY_OPT_SACK_PERM) words.push(1 << 24 | 1 << 16 | 4 << 8 | 2);
  if (o.options & XT_SYNPROXY_OPT_WSCALE) words.push(1 << 24 | 3 << 16 | 3 << 8 | o.wscale);
  const b = new Uint8Array(words.length * 4);
  words.forEach((w, k) => {
    b[4 * k] = w >>> 24 & 255;
    b[4 * k + 1] = w >>> 16 & 255;
    b[4 * k + 2] = w >>> 8 & 255;
    b[4 * k + 3] = w & 255;
  });
  return b;
}
function sendSynack(p, o, info, ctx) {
  const mssEncode = o.mss;
  let mssind = MSSTAB.length - 1;
  for (; mssind; mssind--) if (mssEncode >= MSSTAB[mssind]) break;
  const q = new Packet();
  q.src = p.dst;
  q.dst = p.src;
  q.proto = IPPROTO_TCP;
  q.ttl = 64;
  q.frag = IP_DF;
  q.sport = p.dport;
  q.dport = p.sport;
  q.seq = (ctx.random32() & ~3 | mssind) >>> 0;
  q.ack = p.seq + 1 >>> 0;
  q.tcpFlags = TCP_SYN | TCP_ACK | (o.options & XT_SYNPROXY_OPT_ECN ? TCP_ECE : 0);
  q.window = 0;
  const opts = buildOptions(o, info.mss);
  q.tcpOptions = opts.length ? opts : null;
  q.len = 20 + 20 + opts.length;
  q.ct = p.ct;
  q.ctinfo = IP_CT_ESTABLISHED_REPLY;
  ctx.sendLocal(q);
}
var synproxyTarget = defineTarget({
  name: "SYNPROXY",
  revision: 0,
  hooks: HOOK_IN | HOOK_FWD,
  options: [
    { name: "sack-perm", id: O_SACK_PERM, type: 0 /* NONE */ },
    { name: "timestamp", id: O_TIMESTAMP, type: 0 /* NONE */ },
    { name: "wscale", id: O_WSCALE, type: 3 /* UINT32 */ },
    { name: "mss", id: O_MSS, type: 3 /* UINT32 */ },
    { name: "ecn", id: O_ECN, type: 0 /* NONE */ }
  ],
  init: () => ({ options: 0, wscale: 0, mss: 0 }),
  parse(cb) {
    const d = cb.data;
    switch (cb.entry.id) {
      case O_SACK_PERM:
        d.options |= XT_SYNPROXY_OPT_SACK_PERM;
        break;
      case O_TIMESTAMP:
        d.options |= XT_SYNPROXY_OPT_TIMESTAMP;
        break;
      case O_WSCALE:
        d.options |= XT_SYNPROXY_OPT_WSCALE;
        d.wscale = cb.val.u & 255;
        break;
      case O_MSS:
        d.options |= XT_SYNPROXY_OPT_MSS;
        d.mss = cb.val.u & 65535;
        break;
      case O_ECN:
        d.options |= XT_SYNPROXY_OPT_ECN;
        break;
    }
  },
  print(d) {
    let out = " SYNPROXY ";
    if (d.options & XT_SYNPROXY_OPT_SACK_PERM) out += "sack-perm ";
    if (d.options & XT_SYNPROXY_OPT_TIMESTAMP) out += "timestamp ";
    if (d.options & XT_SYNPROXY_OPT_WSCALE) out += `wscale ${d.wscale} `;
    if (d.options & XT_SYNPROXY_OPT_MSS) out += `mss ${d.mss} `;
    if (d.options & XT_SYNPROXY_OPT_ECN) out += "ecn ";
    return out;
  },
  save(d) {
    let out = "";
    if (d.options & XT_SYNPROXY_OPT_SACK_PERM) out += " --sack-perm";
    if (d.options & XT_SYNPROXY_OPT_TIMESTAMP) out += " --timestamp";
    if (d.options & XT_SYNPROXY_OPT_WSCALE) out += ` --wscale ${d.wscale}`;
    if (d.options & XT_SYNPROXY_OPT_MSS) out += ` --mss ${d.mss}`;
    if (d.options & XT_SYNPROXY_OPT_ECN) out += " --ecn";
    return out;
  },
  compile(info) {
    return (p, ctx) => {
      if (l4Avail(p) < 20) return NF_DROP2;
      const o = { options: 0, mss: 0, wscale: 0, tsval: 0, tsecr: 0 };
      if (!parseOptions(p, o)) return NF_DROP2;
      const f = tcpFlagsByte(p);
      if (f & TCP_SYN && !(f & (TCP_ACK | TCP_FIN | TCP_RST))) {
        if (f & TCP_ECE && f & TCP_CWR) o.options |= XT_SYNPROXY_OPT_ECN;
        o.options &= info.options;
        if (o.options & XT_SYNPROXY_OPT_TIMESTAMP) {
          o.tsecr = o.tsval;
          let tsval = Math.floor(ctx.nowNs / 1e6) & ~63;
          if (o.options & XT_SYNPROXY_OPT_WSCALE) {
            tsval |= o.wscale;
            o.wscale = info.wscale;
          } else tsval |= 15;
          if (o.options & XT_SYNPROXY_OPT_SACK_PERM) tsval |= 1 << 4;
          if (o.options & XT_SYNPROXY_OPT_ECN) tsval |= 1 << 5;
          o.tsval = tsval >>> 0;
        } else o.options &= ~(XT_SYNPROXY_OPT_WSCALE | XT_SYNPROXY_OPT_SACK_PERM | XT_SYNPROXY_OPT_ECN);
        sendSynack(p, o, info, ctx);
        return NF_STOLEN;
      }
      if (f & TCP_ACK && !(f & (TCP_FIN | TCP_RST | TCP_SYN))) {
        return NF_DROP2;
      }
      return XT_CONTINUE;
    };
  },
  kernelCheck(_d, ctx) {
    if (ctx.ip.proto !== 6 || ctx.ip.invflags & IPT_INV_PROTO) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "SYNPROXY target options:\n  --sack-perm                        Set SACK_PERM\n  --timestamp                        Set TIMESTAMP\n  --wscale value                     Set window scaling factor\n  --mss value                        Set MSS value\n  --ecn                              Set ECN\n"
});

// src/extensions/TCPMSS.target.ts
var O_SET_MSS = 0;
var O_CLAMP_MSS = 1;
var XT_TCPMSS_CLAMP_PMTU = 65535;
var IPHDR_SIZE = 20;
function devMtu(ctx, dev) {
  return ctx.net.mtu ? ctx.net.mtu(dev) : 1500;
}
function reverseMtu(ctx, p) {
  const dev = ctx.net.routeDev(p.src, 0, 0);
  if (dev === "") return 4294967295;
  return devMtu(ctx, ctx.net.addrType(p.src, "") === RTN_LOCAL ? "lo" : dev);
}
function optStep(o, i) {
  return o[i] <= 1 || (o[i + 1] ?? 0) === 0 ? 1 : o[i + 1];
}
var tcpmssTarget = defineTarget({
  name: "TCPMSS",
  revision: 0,
  options: [
    {
      name: "set-mss",
      id: O_SET_MSS,
      type: 2 /* UINT16 */,
      min: 0,
      max: 65535 - IPHDR_SIZE,
      flags: XTOPT_PUT,
      put: "mss"
    },
    { name: "clamp-mss-to-pmtu", id: O_CLAMP_MSS, type: 0 /* NONE */ }
  ],
  init: () => ({ mss: 0 }),
  parse(cb) {
    if (cb.entry.id === O_CLAMP_MSS) cb.data.mss = XT_TCPMSS_CLAMP_PMTU;
  },
  finalCheck(cb) {
    if (cb.xflags === 0) throw paramError("TCPMSS target: At least one parameter is required");
  },
  print: (d) => d.mss === XT_TCPMSS_CLAMP_PMTU ? " TCPMSS clamp to PMTU" : ` TCPMSS set ${d.mss}`,
  save: (d) => d.mss === XT_TCPMSS_CLAMP_PMTU ? " --clamp-mss-to-pmtu" : ` --set-mss ${d.mss}`,
  compile(d) {
    const clamp = d.mss === XT_TCPMSS_CLAMP_PMTU;
    const setMss = d.mss & 65535;
    const MINLEN = IPHDR_SIZE + 20;
    return (p, ctx) => {
      if (fragOff(p) !== 0) return XT_CONTINUE;
      const len = l4Avail(p);
      const opts = p.tcpOptions;
      const hdrLen = 20 + (opts?.length ?? 0);
      if (len < 20 || len < hdrLen) return NF_DROP2;
      let newmss = setMss;
      if (clamp) {
        const minMtu = Math.min(devMtu(ctx, p.outDev), reverseMtu(ctx, p));
        if (minMtu <= MINLEN) {
          ctx.log(3, `xt_TCPMSS: unknown or invalid path-MTU (${minMtu})`);
          return NF_DROP2;
        }
        newmss = minMtu - MINLEN & 65535;
      }
      if (opts) {
        for (let i = 0; i + 4 <= opts.length; i += optStep(opts, i)) {
          if (opts[i] === 2 && opts[i + 1] === 4) {
            const oldmss = opts[i + 2] << 8 | opts[i + 3];
            if (oldmss <= newmss) return XT_CONTINUE;
            const o2 = opts.slice();
            o2[i + 2] = newmss >>> 8;
            o2[i + 3] = newmss & 255;
            p.tcpOptions = o2;
            return XT_CONTINUE;
          }
        }
      }
      if (len > hdrLen || hdrLen >= 60) return XT_CONTINUE;
      newmss = Math.min(newmss, 536);
      const o = new Uint8Array(hdrLen - 20 + 4);
      o[0] = 2;
      o[1] = 4;
      o[2] = newmss >>> 8;
      o[3] = newmss & 255;
      if (opts) o.set(opts, 4);
      p.tcpOptions = o;
      if (p.len > 0) p.len += 4;
      return XT_CONTINUE;
    };
  },
  kernelCheck(d, ctx) {
    if (!ctx.checkentry) return void 0;
    if (d.mss === XT_TCPMSS_CLAMP_PMTU && ctx.hookMask & ~(HOOK_FWD | HOOK_OUT | HOOK_POST)) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => `TCPMSS target mutually-exclusive options:
  --set-mss value               explicitly set MSS option to specified value
  --clamp-mss-to-pmtu           automatically clamp MSS value to (path_MTU - ${IPHDR_SIZE})
`
});

// src/extensions/TCPOPTSTRIP.target.ts
var O_STRIP_OPTION = 0;
var OPTION_MAP = [
  ["wscale", "Window scale", 3],
  ["mss", "Maximum Segment Size", 2],
  ["sack-permitted", "SACK permitted", 4],
  ["sack", "Selective ACK", 5],
  ["timestamp", "Timestamp", 8],
  ["md5", "MD5 signature", 19]
];
var testBit = (b, i) => (b[i >>> 5] >>> (i & 31) & 1) === 1;
function parseList(d, arg) {
  for (const item2 of arg.split(",")) {
    let option = OPTION_MAP.find(([n]) => n === item2)?.[2] ?? 0;
    if (option === 0) {
      const v = xtStrtouiWhole(item2, 0, 255);
      if (v === void 0) throw paramError(`Bad TCP option value "${item2}"`);
      option = v;
    }
    if (option < 2) throw paramError("Option value may not be 0 or 1");
    if (testBit(d.bmap, option)) throw paramError(`Option "${item2}" already specified`);
    d.bmap[option >>> 5] = (d.bmap[option >>> 5] | 1 << (option & 31)) >>> 0;
  }
}
function printList(d, numeric) {
  const out = [];
  for (let i = 0; i < 256; i++) {
    if (!testBit(d.bmap, i)) continue;
    let name;
    if (!numeric) {
      for (const [n, , o] of OPTION_MAP) if (o === i) name = n;
    }
    out.push(name ?? String(i));
  }
  return out.join(",");
}
var isEmpty = (d) => d.bmap.every((w) => w === 0);
var tcpoptstripTarget = defineTarget({
  name: "TCPOPTSTRIP",
  revision: 0,
  tables: ["mangle"],
  options: [{ name: "strip-options", id: O_STRIP_OPTION, type: 10 /* STRING */ }],
  init: () => ({ bmap: [0, 0, 0, 0, 0, 0, 0, 0] }),
  parse(cb) {
    parseList(cb.data, cb.arg);
  },
  compile(d) {
    const strip = Uint32Array.from(d.bmap, (w) => w >>> 0);
    const test = (kind) => (strip[kind >>> 5] >>> (kind & 31) & 1) === 1;
    return (p) => {
      if (fragOff(p) !== 0) return XT_CONTINUE;
      const opts = p.tcpOptions;
      const hdrLen = 20 + (opts?.length ?? 0);
      if (l4Avail(p) < hdrLen) return NF_DROP2;
      if (!opts) return XT_CONTINUE;
      let out = null;
      for (let i = 0; i < opts.length - 1; ) {
        const optl = opts[i] <= 1 || opts[i + 1] === 0 ? 1 : opts[i + 1];
        if (i + optl > opts.length) break;
        if (test(opts[i])) {
          out ??= opts.slice();
          out.fill(1, i, i + optl);
        }
        i += optl;
      }
      if (out) p.tcpOptions = out;
      return XT_CONTINUE;
    };
  },
  print: (d, ctx) => isEmpty(d) ? "" : ` TCPOPTSTRIP options ${printList(d, ctx.numeric)}`,
  save: (d) => isEmpty(d) ? "" : ` --strip-options ${printList(d, true)}`,
  help() {
    let out = "TCPOPTSTRIP target options:\n  --strip-options value     strip specified TCP options denoted by value\n                            (separated by comma) from TCP header\n  Instead of the numeric value, you can also use the following names:\n";
    for (const [name, desc] of OPTION_MAP) out += `    ${name.padEnd(14)}    strip "${desc}" option
`;
    return out;
  }
});

// src/extensions/TEE.target.ts
var DUPLICATING = "xt:tee-duplicating";
var O_GATEWAY = 0;
var O_OIF = 1;
var OIF_SIZE = 16;
var teeTarget = defineTarget({
  name: "TEE",
  revision: 1,
  options: [
    { name: "gateway", id: O_GATEWAY, type: 14 /* HOST */, flags: XTOPT_MAND | XTOPT_PUT, put: "gw" },
    { name: "oif", id: O_OIF, type: 10 /* STRING */, flags: XTOPT_PUT, put: "oif", size: OIF_SIZE }
  ],
  init: () => ({ gw: 0, oif: "" }),
  print(d, ctx) {
    let out = ` TEE gw:${ctx.numeric ? formatIPv4(d.gw) : addrToAnyName(d.gw, ctx.db)}`;
    if (d.oif !== "") out += ` oif=${d.oif}`;
    return out;
  },
  save(d) {
    let out = ` --gateway ${formatIPv4(d.gw)}`;
    if (d.oif !== "") out += ` --oif ${d.oif}`;
    return out;
  },
  compile(d) {
    const gw = d.gw >>> 0;
    const oif = d.oif;
    return (p, ctx) => {
      if (ctx.shared.get(DUPLICATING) || !ctx.dup) return XT_CONTINUE;
      const c = p.clone();
      c.ct = null;
      c.ctinfo = IP_CT_UNTRACKED;
      c.frag |= IP_DF;
      if (ctx.hook === NF_INET_PRE_ROUTING || ctx.hook === NF_INET_LOCAL_IN) c.ttl = c.ttl - 1 & 255;
      c.traceId = 0;
      ctx.shared.set(DUPLICATING, true);
      try {
        ctx.dup(c, gw, oif);
      } finally {
        ctx.shared.delete(DUPLICATING);
      }
      return XT_CONTINUE;
    };
  },
  // tee_tg_check(): 0.0.0.0 is not a gateway
  kernelCheck: (d) => d.gw === 0 ? { errno: "EINVAL" } : void 0,
  help: () => "TEE target options:\n  --gateway IPADDR    Route packet via the gateway given by address\n  --oif NAME          Include oif in route calculation\n\n"
});

// src/extensions/TOS.target.ts
var O_SET_TOS = 0;
var O_AND_TOS = 1;
var O_OR_TOS = 2;
var O_XOR_TOS = 3;
var F_ANY4 = 15;
var TOS_SYMBOLS3 = [
  [16, "Minimize-Delay"],
  [8, "Maximize-Throughput"],
  [4, "Maximize-Reliability"],
  [2, "Minimize-Cost"],
  [0, "Normal-Service"]
];
var hex25 = (n) => n.toString(16).padStart(2, "0");
var tosTarget = defineTarget({
  name: "TOS",
  revision: 1,
  tables: ["mangle"],
  options: [
    { name: "set-tos", id: O_SET_TOS, type: 11 /* TOSMASK */, excl: F_ANY4, max: 63 },
    { name: "and-tos", id: O_AND_TOS, type: 1 /* UINT8 */, excl: F_ANY4 },
    { name: "or-tos", id: O_OR_TOS, type: 1 /* UINT8 */, excl: F_ANY4 },
    { name: "xor-tos", id: O_XOR_TOS, type: 1 /* UINT8 */, excl: F_ANY4 }
  ],
  init: () => ({ value: 0, mask: 0 }),
  parse(cb) {
    const d = cb.data;
    const u8 = cb.val.u & 255;
    switch (cb.entry.id) {
      case O_SET_TOS:
        d.value = cb.val.tosValue;
        d.mask = cb.val.tosMask;
        break;
      case O_AND_TOS:
        d.value = 0;
        d.mask = ~u8 & 255;
        break;
      case O_OR_TOS:
        d.value = u8;
        d.mask = u8;
        break;
      case O_XOR_TOS:
        d.value = u8;
        d.mask = 0;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_ANY4)) throw paramError("TOS: An action is required");
  },
  print(d, ctx) {
    if (ctx.numeric) return ` TOS set 0x${hex25(d.value)}/0x${hex25(d.mask)}`;
    if (d.mask === 63) {
      const sym = TOS_SYMBOLS3.find(([v]) => v === d.value);
      if (sym) return `  TOS set${sym[1]}`;
    }
    if (d.value === 0) return ` TOS and 0x${hex25(~d.mask & 255)}`;
    if (d.value === d.mask) return ` TOS or 0x${hex25(d.value)}`;
    if (d.mask === 0) return ` TOS xor 0x${hex25(d.value)}`;
    return ` TOS set 0x${hex25(d.value)}/0x${hex25(d.mask)}`;
  },
  compile(d) {
    const keep = ~d.mask & 255;
    const value = d.value & 255;
    return (p) => {
      p.tos = (p.tos & keep ^ value) & 255;
      return XT_CONTINUE;
    };
  },
  save: (d) => ` --set-tos 0x${hex25(d.value)}/0x${hex25(d.mask)}`,
  help() {
    let out = "TOS target vlibxtables.so.12 options:\n  --set-tos value[/mask]  Set Type of Service/Priority field to value\n                          (Zero out bits in mask and XOR value into TOS)\n  --set-tos symbol        Set TOS field (IPv4 only) by symbol\n                          (this zeroes the 4-bit Precedence part!)\n                          Accepted symbolic names for value are:\n";
    for (const [v, name] of TOS_SYMBOLS3)
      out += `                            (0x${hex25(v)}) ${String(v).padStart(2)} ${name}
`;
    out += "\n  --and-tos bits          Binary AND the TOS value with bits\n  --or-tos  bits          Binary OR the TOS value with bits\n  --xor-tos bits          Binary XOR the TOS value with bits\n";
    return out;
  }
});

// src/extensions/TPROXY.target.ts
var P_PORT = 0;
var P_ADDR = 1;
var P_MARK = 2;
var tproxyTarget = defineTarget({
  name: "TPROXY",
  revision: 1,
  tables: ["mangle"],
  hooks: HOOK_PRE,
  options: [
    { name: "on-port", id: P_PORT, type: 17 /* PORT */, flags: XTOPT_MAND | XTOPT_PUT, put: "lport" },
    { name: "on-ip", id: P_ADDR, type: 14 /* HOST */, flags: XTOPT_PUT, put: "laddr" },
    { name: "tproxy-mark", id: P_MARK, type: 12 /* MARKMASK32 */ }
  ],
  init: () => ({ markMask: 0, markValue: 0, laddr: 0, lport: 0 }),
  parse(cb) {
    if (cb.entry.id === P_MARK) {
      cb.data.markValue = cb.val.mark;
      cb.data.markMask = cb.val.mask;
    }
  },
  print: (d) => ` TPROXY redirect ${formatIPv4(d.laddr)}:${d.lport} mark 0x${hex(d.markValue)}/0x${hex(d.markMask)}`,
  save: (d) => ` --on-port ${d.lport} --on-ip ${formatIPv4(d.laddr)} --tproxy-mark 0x${hex(d.markValue)}/0x${hex(d.markMask)}`,
  kernelCheck(_d, ctx) {
    if ((ctx.ip.proto === 6 || ctx.ip.proto === 17) && !(ctx.ip.invflags & IPT_INV_PROTO)) return void 0;
    return { errno: "EINVAL" };
  },
  help: () => "TPROXY target options:\n  --on-port port		    Redirect connection to port, or the original port if 0\n  --on-ip ip			    Optionally redirect to the given IP\n  --tproxy-mark value[/mask]	    Mark packets with the given value/mask\n\n"
});

// src/extensions/TTL.target.ts
var O_TTL_SET = 0;
var O_TTL_INC = 1;
var O_TTL_DEC = 2;
var F_ANY5 = 1 << O_TTL_SET | 1 << O_TTL_INC | 1 << O_TTL_DEC;
var IPT_TTL_SET = 0;
var IPT_TTL_INC = 1;
var IPT_TTL_DEC = 2;
var ttlTarget = defineTarget({
  name: "TTL",
  revision: 0,
  tables: ["mangle"],
  // table order matters for the exclusion message
  options: [
    { name: "ttl-set", id: O_TTL_SET, type: 1 /* UINT8 */, excl: F_ANY5, flags: XTOPT_PUT, put: "ttl" },
    { name: "ttl-dec", id: O_TTL_DEC, type: 1 /* UINT8 */, excl: F_ANY5, flags: XTOPT_PUT, put: "ttl", min: 1 },
    { name: "ttl-inc", id: O_TTL_INC, type: 1 /* UINT8 */, excl: F_ANY5, flags: XTOPT_PUT, put: "ttl", min: 1 }
  ],
  init: () => ({ mode: 0, ttl: 0 }),
  parse(cb) {
    switch (cb.entry.id) {
      case O_TTL_SET:
        cb.data.mode = IPT_TTL_SET;
        break;
      case O_TTL_DEC:
        cb.data.mode = IPT_TTL_DEC;
        break;
      case O_TTL_INC:
        cb.data.mode = IPT_TTL_INC;
        break;
    }
  },
  finalCheck(cb) {
    if (!(cb.xflags & F_ANY5)) throw paramError("TTL: You must specify an action");
  },
  print(d) {
    const what = d.mode === IPT_TTL_SET ? "set to" : d.mode === IPT_TTL_DEC ? "decrement by" : d.mode === IPT_TTL_INC ? "increment by" : "";
    return ` TTL ${what} ${d.ttl}`;
  },
  save(d) {
    const opt = d.mode === IPT_TTL_SET ? " --ttl-set" : d.mode === IPT_TTL_DEC ? " --ttl-dec" : d.mode === IPT_TTL_INC ? " --ttl-inc" : "";
    return `${opt} ${d.ttl}`;
  },
  compile(d) {
    const v = d.ttl;
    const mode = d.mode;
    return (p) => {
      if (mode === IPT_TTL_SET) p.ttl = v;
      else if (mode === IPT_TTL_INC) p.ttl = Math.min(255, p.ttl + v);
      else if (mode === IPT_TTL_DEC) p.ttl = Math.max(0, p.ttl - v);
      return XT_CONTINUE;
    };
  },
  kernelCheck(d) {
    if (d.mode > IPT_TTL_DEC) return { errno: "EINVAL" };
    if (d.mode !== IPT_TTL_SET && d.ttl === 0) return { errno: "EINVAL" };
    return void 0;
  },
  help: () => "TTL target options\n  --ttl-set value		Set TTL to <value 0-255>\n  --ttl-dec value		Decrement TTL by <value 1-255>\n  --ttl-inc value		Increment TTL by <value 1-255>\n"
});

// src/extensions/groups/targets2.ts
var matches6 = [];
var targets6 = [
  dnatTarget2,
  snatTarget2,
  masqueradeTarget2,
  redirectTarget2,
  netmapTarget2,
  tproxyTarget,
  tcpmssTarget,
  ttlTarget,
  tosTarget,
  dscpTarget,
  ecnTarget,
  checksumTarget,
  tcpoptstripTarget,
  synproxyTarget,
  teeTarget,
  rateestTarget
];

// src/extensions/registry.ts
var ExtensionRegistry = class {
  matches = /* @__PURE__ */ new Map();
  targets = /* @__PURE__ */ new Map();
  constructor(matches8, targets7) {
    for (const m of matches8) {
      this.matches.set(m.name, m);
      for (const a of m.aliases ?? []) this.matches.set(a, m);
    }
    for (const t of targets7) {
      this.targets.set(t.name, t);
      for (const a of t.aliases ?? []) this.targets.set(a, t);
    }
  }
  findMatch(name) {
    return this.matches.get(name);
  }
  findTarget(name) {
    return this.targets.get(name);
  }
  allMatches() {
    return [...new Set(this.matches.values())];
  }
  allTargets() {
    return [...new Set(this.targets.values())];
  }
};

// src/extensions/standard.ts
var standardTarget = defineTarget({
  name: "standard",
  revision: 0,
  init: () => ({}),
  help: () => "standard match options:\n(If target is DROP, ACCEPT, RETURN or nothing)\n"
});

// src/extensions/tcp.ts
var XT_TCP_INV_SRCPT = 1;
var XT_TCP_INV_DSTPT = 2;
var XT_TCP_INV_FLAGS2 = 4;
var XT_TCP_INV_OPTION = 8;
var XT_TCP_INV_MASK = 15;
var O_SPORT2 = 1;
var O_DPORT2 = 2;
var O_SYN = 3;
var O_FLAGS = 4;
var O_OPTION = 5;
var TCP_SRC_PORTS = 1;
var TCP_DST_PORTS = 2;
var TCP_FLAGS = 4;
var TCP_OPTION = 8;
var TCP_FLAG_NAMES = [
  ["FIN", 1],
  ["SYN", 2],
  ["RST", 4],
  ["PSH", 8],
  ["ACK", 16],
  ["URG", 32],
  ["ALL", 63],
  ["NONE", 0]
];
function parsePortPair(spec, proto2) {
  const colon = spec.indexOf(":");
  if (colon < 0) {
    const p = parsePort(spec, proto2);
    return [p, p];
  }
  const a = spec.slice(0, colon);
  const b = spec.slice(colon + 1);
  const lo = a ? parsePort(a, proto2) : 0;
  const hi = b ? parsePort(b, proto2) : 65535;
  if (lo > hi) throw paramError("invalid portrange (min > max)");
  return [lo, hi];
}
function parseTcpFlagList(flags) {
  let ret = 0;
  for (const tok of flags.split(",")) {
    if (tok === "") continue;
    const f = TCP_FLAG_NAMES.find(([n]) => n.toLowerCase() === tok.toLowerCase());
    if (!f) throw paramError(`Unknown TCP flag \`${tok}'`);
    ret |= f[1];
  }
  return ret;
}
function tcpFlagsText(flags) {
  const parts = [];
  let f = flags;
  while (f) {
    let i = 0;
    while ((f & TCP_FLAG_NAMES[i][1]) === 0) i++;
    parts.push(TCP_FLAG_NAMES[i][0]);
    f &= ~TCP_FLAG_NAMES[i][1];
  }
  return parts.length ? parts.join(",") : "NONE";
}
function printPorts(name, min, max, invert, numeric, proto2) {
  if (min === 0 && max === 65535 && !invert) return "";
  const inv2 = invert ? "!" : "";
  if (min === max) return ` ${name}:${inv2}${portName(min, proto2, numeric)}`;
  return ` ${name}s:${inv2}${portName(min, proto2, numeric)}:${portName(max, proto2, numeric)}`;
}
function hex26(n) {
  return n.toString(16).toUpperCase().padStart(2, "0");
}
function tcpParse(cb) {
  const d = cb.data;
  const g = cb.getopt;
  switch (cb.entry.id) {
    case O_SPORT2:
      if (cb.xflags & TCP_SRC_PORTS) throw paramError("Only one `--source-port' allowed");
      d.spts = parsePortPair(cb.arg, "tcp");
      if (cb.invert) d.invflags |= XT_TCP_INV_SRCPT;
      cb.xflags |= TCP_SRC_PORTS;
      break;
    case O_DPORT2:
      if (cb.xflags & TCP_DST_PORTS) throw paramError("Only one `--destination-port' allowed");
      d.dpts = parsePortPair(cb.arg, "tcp");
      if (cb.invert) d.invflags |= XT_TCP_INV_DSTPT;
      cb.xflags |= TCP_DST_PORTS;
      break;
    case O_SYN:
      if (cb.xflags & TCP_FLAGS) throw paramError("Only one of `--syn' or `--tcp-flags'  allowed");
      d.flgMask = parseTcpFlagList("SYN,RST,ACK,FIN");
      d.flgCmp = parseTcpFlagList("SYN");
      if (cb.invert) d.invflags |= XT_TCP_INV_FLAGS2;
      cb.xflags |= TCP_FLAGS;
      break;
    case O_FLAGS: {
      if (cb.xflags & TCP_FLAGS) throw paramError("Only one of `--syn' or `--tcp-flags'  allowed");
      const next = g.argv[g.optind];
      if (next === void 0 || next[0] === "-" || next[0] === "!") throw paramError("--tcp-flags requires two args.");
      d.flgMask = parseTcpFlagList(cb.arg);
      d.flgCmp = parseTcpFlagList(next);
      if (cb.invert) d.invflags |= XT_TCP_INV_FLAGS2;
      g.optind++;
      cb.xflags |= TCP_FLAGS;
      break;
    }
    case O_OPTION: {
      if (cb.xflags & TCP_OPTION) throw paramError("Only one `--tcp-option' allowed");
      const v = xtStrtouiWhole(cb.arg, 1, 255);
      if (v === void 0) throw paramError(`Bad TCP option "${cb.arg}"`);
      d.option = v;
      if (cb.invert) d.invflags |= XT_TCP_INV_OPTION;
      cb.xflags |= TCP_OPTION;
      break;
    }
  }
}
function fresh2() {
  return { spts: [0, 65535], dpts: [0, 65535], option: 0, flgMask: 0, flgCmp: 0, invflags: 0 };
}
function keptAsXt2(d) {
  const supported = XT_TCP_INV_SRCPT | XT_TCP_INV_DSTPT | XT_TCP_INV_FLAGS2;
  return (d.invflags & ~supported) !== 0 || d.option !== 0 || allZero2(d);
}
function exprsOf2(d) {
  return portExprs(d.spts, (d.invflags & XT_TCP_INV_SRCPT) !== 0, d.dpts, (d.invflags & XT_TCP_INV_DSTPT) !== 0);
}
function nftExprs(d) {
  const out = [];
  if (d.flgMask) out.push({ kind: "flags", mask: d.flgMask, cmp: d.flgCmp, op: d.invflags & XT_TCP_INV_FLAGS2 ? "neq" : "eq" });
  return out.concat(exprsOf2(d));
}
function xtTcp(d) {
  const [s0, s1] = d.spts;
  const [d0, d1] = d.dpts;
  const invS = (d.invflags & XT_TCP_INV_SRCPT) !== 0;
  const invD = (d.invflags & XT_TCP_INV_DSTPT) !== 0;
  const invF = (d.invflags & XT_TCP_INV_FLAGS2) !== 0;
  const invO = (d.invflags & XT_TCP_INV_OPTION) !== 0;
  const { flgMask, flgCmp, option } = d;
  return (p, ctx) => {
    const off = fragOff(p);
    if (off !== 0) {
      if (off === 1) ctx.hotdrop = true;
      return false;
    }
    const avail = l4Avail(p);
    if (avail < 20) {
      ctx.hotdrop = true;
      return false;
    }
    const sp = l4Port(p, 0);
    if ((sp >= s0 && sp <= s1) === invS) return false;
    const dp = l4Port(p, 1);
    if ((dp >= d0 && dp <= d1) === invD) return false;
    if ((tcpFlagsByte(p) & flgMask) === flgCmp === invF) return false;
    if (option) {
      const hl = tcpHdrLen(p);
      if (hl < 20) {
        ctx.hotdrop = true;
        return false;
      }
      const optlen = hl - 20;
      if (optlen === 0) return invO;
      if (avail < hl) {
        ctx.hotdrop = true;
        return false;
      }
      for (let i = 0; i < optlen; ) {
        const kind = tcpOptByte(p, i);
        if (kind === option) return !invO;
        if (kind < 2) {
          i++;
          continue;
        }
        if (i + 1 >= optlen) break;
        i += tcpOptByte(p, i + 1) || 1;
      }
      return invO;
    }
    return true;
  };
}
function readBack(into, d) {
  let out = { ...into, spts: [into.spts[0], into.spts[1]], dpts: [into.dpts[0], into.dpts[1]] };
  if (d.flgMask) {
    out.flgMask = d.flgMask;
    out.flgCmp = d.flgCmp;
    out.invflags |= d.invflags & XT_TCP_INV_FLAGS2;
  }
  out = applyPortExprs(out, exprsOf2(d), XT_TCP_INV_SRCPT, XT_TCP_INV_DSTPT);
  return out;
}
function allZero2(d) {
  return d.spts[0] === 0 && d.spts[1] === 65535 && d.dpts[0] === 0 && d.dpts[1] === 65535 && !d.option && !d.flgMask && !d.flgCmp && !d.invflags;
}
var tcpMatch = defineMatch({
  name: "tcp",
  revision: 0,
  rawParse: true,
  options: [
    { name: "source-port", id: O_SPORT2, type: 10 /* STRING */ },
    { name: "sport", id: O_SPORT2, type: 10 /* STRING */ },
    { name: "destination-port", id: O_DPORT2, type: 10 /* STRING */ },
    { name: "dport", id: O_DPORT2, type: 10 /* STRING */ },
    { name: "syn", id: O_SYN, type: 0 /* NONE */ },
    { name: "tcp-flags", id: O_FLAGS, type: 10 /* STRING */ },
    { name: "tcp-option", id: O_OPTION, type: 10 /* STRING */ }
  ],
  init: fresh2,
  parse: tcpParse,
  normalize(d, ip2) {
    if (keptAsXt2(d)) return d;
    if (ip2.proto !== 6) throw paramError("TCP match requires '-p tcp'");
    const out = readBack(fresh2(), d);
    out.nft = d.nft ?? nftExprs(d);
    return out.flgMask || exprsOf2(d).length ? out : null;
  },
  nftMerge(into, next) {
    if (keptAsXt2(into) || keptAsXt2(next)) return void 0;
    const out = readBack(into, next);
    out.nft = [...into.nft ?? nftExprs(into), ...nftExprs(next)];
    return out;
  },
  compile(d) {
    if (keptAsXt2(d)) return xtTcp(d);
    return compileNftL4(d.nft ?? nftExprs(d));
  },
  print(d, ctx) {
    let out = " tcp";
    out += printPorts("spt", d.spts[0], d.spts[1], (d.invflags & XT_TCP_INV_SRCPT) !== 0, ctx.numeric, "tcp");
    out += printPorts("dpt", d.dpts[0], d.dpts[1], (d.invflags & XT_TCP_INV_DSTPT) !== 0, ctx.numeric, "tcp");
    if (d.option || d.invflags & XT_TCP_INV_OPTION) out += ` option=${d.invflags & XT_TCP_INV_OPTION ? "!" : ""}${d.option}`;
    if (d.flgMask || d.invflags & XT_TCP_INV_FLAGS2) {
      out += ` flags:${d.invflags & XT_TCP_INV_FLAGS2 ? "!" : ""}`;
      if (ctx.numeric) out += `0x${hex26(d.flgMask)}/0x${hex26(d.flgCmp)}`;
      else out += `${tcpFlagsText(d.flgMask)}/${tcpFlagsText(d.flgCmp)}`;
    }
    if (d.invflags & ~XT_TCP_INV_MASK) out += ` Unknown invflags: 0x${(d.invflags & ~XT_TCP_INV_MASK).toString(16).toUpperCase()}`;
    return out;
  },
  save(d) {
    let out = "";
    if (d.spts[0] !== 0 || d.spts[1] !== 65535) {
      if (d.invflags & XT_TCP_INV_SRCPT) out += " !";
      out += d.spts[0] !== d.spts[1] ? ` --sport ${d.spts[0]}:${d.spts[1]}` : ` --sport ${d.spts[0]}`;
    }
    if (d.dpts[0] !== 0 || d.dpts[1] !== 65535) {
      if (d.invflags & XT_TCP_INV_DSTPT) out += " !";
      out += d.dpts[0] !== d.dpts[1] ? ` --dport ${d.dpts[0]}:${d.dpts[1]}` : ` --dport ${d.dpts[0]}`;
    }
    if (d.option || d.invflags & XT_TCP_INV_OPTION) {
      if (d.invflags & XT_TCP_INV_OPTION) out += " !";
      out += ` --tcp-option ${d.option}`;
    }
    if (d.flgMask || d.invflags & XT_TCP_INV_FLAGS2) {
      if (d.invflags & XT_TCP_INV_FLAGS2) out += " !";
      out += ` --tcp-flags ${tcpFlagsText(d.flgMask)} ${tcpFlagsText(d.flgCmp)}`;
    }
    return out;
  },
  help: () => "tcp match options:\n[!] --tcp-flags mask comp	match when TCP flags & mask == comp\n				(Flags: SYN ACK FIN RST URG PSH ALL NONE)\n[!] --syn			match when only SYN flag set\n				(equivalent to --tcp-flags SYN,RST,ACK,FIN SYN)\n[!] --source-port port[:port]\n --sport ...\n				match source port(s)\n[!] --destination-port port[:port]\n --dport ...\n				match destination port(s)\n[!] --tcp-option number        match if TCP option set\n"
});

// src/extensions/index.ts
var groups = [l4_exports, conntrack_exports, misc1_exports, misc2_exports, targets1_exports, targets2_exports];
var ALL_MATCHES = [tcpMatch, commentMatch, ...groups.flatMap((g) => g.matches)];
var ALL_TARGETS = [standardTarget, ...groups.flatMap((g) => g.targets)];
function defaultRegistry() {
  return new ExtensionRegistry(ALL_MATCHES, ALL_TARGETS);
}

// src/core/rng.ts
var Rng = class _Rng {
  a;
  b;
  c;
  d;
  constructor(seed = 1) {
    this.a = 2654435769;
    this.b = 608135816;
    this.c = 3084996962;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next32();
  }
  /** A uniformly distributed unsigned 32-bit integer. */
  next32() {
    let { a, b, c, d } = this;
    const t = (a + b | 0) + d | 0;
    d = d + 1 | 0;
    a = b ^ b >>> 9;
    b = c + (c << 3) | 0;
    c = c << 21 | c >>> 11;
    c = c + t | 0;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return t >>> 0;
  }
  /** An integer in [0, n). */
  below(n) {
    return Math.floor(this.next32() / 4294967296 * n);
  }
  /** The generator's state, to persist it. */
  state() {
    return [this.a, this.b, this.c, this.d];
  }
  static fromState(s) {
    const r = new _Rng();
    r.a = s[0] | 0;
    r.b = s[1] | 0;
    r.c = s[2] | 0;
    r.d = s[3] | 0;
    return r;
  }
};

// src/engine/net-conf.ts
var HZ3 = 250;
var INT_MAX3 = 2147483647;
var IPV4_CONF = [
  { key: "accept_local", all: 0, dflt: 0, propagate: true },
  { key: "accept_redirects", all: 1, dflt: 1, propagate: true },
  { key: "accept_source_route", all: 0, dflt: 1, propagate: true },
  { key: "arp_accept", all: 0, dflt: 0, propagate: true },
  { key: "arp_announce", all: 0, dflt: 0, propagate: true },
  { key: "arp_evict_nocarrier", all: 1, dflt: 1, propagate: true },
  { key: "arp_filter", all: 0, dflt: 0, propagate: true },
  { key: "arp_ignore", all: 0, dflt: 0, propagate: true },
  { key: "arp_notify", all: 0, dflt: 0, propagate: true },
  { key: "bc_forwarding", all: 0, dflt: 0, propagate: true },
  { key: "bootp_relay", all: 0, dflt: 0, propagate: true },
  { key: "disable_policy", all: 0, dflt: 0, propagate: false },
  { key: "disable_xfrm", all: 0, dflt: 0, propagate: false },
  { key: "drop_gratuitous_arp", all: 0, dflt: 0, propagate: true },
  { key: "drop_unicast_in_l2_multicast", all: 0, dflt: 0, propagate: false },
  { key: "force_igmp_version", all: 0, dflt: 0, propagate: true },
  { key: "forwarding", all: 0, dflt: 0, propagate: false },
  { key: "igmpv2_unsolicited_report_interval", all: 1e4, dflt: 1e4, propagate: true },
  { key: "igmpv3_unsolicited_report_interval", all: 1e3, dflt: 1e3, propagate: true },
  { key: "ignore_routes_with_linkdown", all: 0, dflt: 0, propagate: true },
  { key: "log_martians", all: 0, dflt: 0, propagate: true },
  { key: "mc_forwarding", all: 0, dflt: 0, propagate: false, ro: true },
  { key: "medium_id", all: 0, dflt: 0, propagate: true },
  { key: "promote_secondaries", all: 0, dflt: 0, propagate: false },
  { key: "proxy_arp", all: 0, dflt: 0, propagate: true },
  { key: "proxy_arp_pvlan", all: 0, dflt: 0, propagate: true },
  { key: "route_localnet", all: 0, dflt: 0, propagate: false },
  { key: "rp_filter", all: 0, dflt: 0, propagate: true },
  { key: "secure_redirects", all: 1, dflt: 1, propagate: true },
  { key: "send_redirects", all: 1, dflt: 1, propagate: true },
  { key: "shared_media", all: 1, dflt: 1, propagate: true },
  { key: "src_valid_mark", all: 0, dflt: 0, propagate: true },
  { key: "tag", all: 0, dflt: 0, propagate: true }
];
var IPV4_CONF_KEYS = new Map(
  IPV4_CONF.map((c) => [c.key, c])
);
var LOOPBACK_CONF = [
  ["disable_policy", 1],
  ["disable_xfrm", 1]
];
var GLOBAL_SYSCTLS = [
  ["net.ipv4.icmp_echo_ignore_all", { k: "u8", min: 0, max: 1 }, 0],
  ["net.ipv4.icmp_echo_ignore_broadcasts", { k: "u8", min: 0, max: 1 }, 1],
  ["net.ipv4.icmp_ratelimit", { k: "msjiffies" }, 250],
  ["net.ipv4.ip_default_ttl", { k: "minmax", min: 1, max: 255 }, 64],
  ["net.ipv4.ip_forward_update_priority", { k: "u8", min: 0, max: 1 }, 1],
  ["net.ipv4.ip_forward_use_pmtu", { k: "u8", min: 0, max: 255 }, 0],
  ["net.netfilter.nf_conntrack_acct", { k: "u8", min: 0, max: 1 }, 0],
  ["net.netfilter.nf_conntrack_buckets", { k: "ro" }, 262144],
  ["net.netfilter.nf_conntrack_checksum", { k: "u8", min: 0, max: 1 }, 1],
  ["net.netfilter.nf_conntrack_events", { k: "u8", min: 0, max: 2 }, 2],
  ["net.netfilter.nf_conntrack_expect_max", { k: "ro" }, 4096],
  ["net.netfilter.nf_conntrack_generic_timeout", { k: "jiffies" }, 600],
  ["net.netfilter.nf_conntrack_gre_timeout", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_gre_timeout_stream", { k: "jiffies" }, 180],
  ["net.netfilter.nf_conntrack_icmp_timeout", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_icmpv6_timeout", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_log_invalid", { k: "u8", min: 0, max: 255 }, 0],
  // Read-only in a network namespace other than the initial one.
  ["net.netfilter.nf_conntrack_max", { k: "ro" }, 262144],
  ["net.netfilter.nf_conntrack_sctp_timeout_closed", { k: "jiffies" }, 10],
  ["net.netfilter.nf_conntrack_sctp_timeout_cookie_echoed", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_sctp_timeout_cookie_wait", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_sctp_timeout_established", { k: "jiffies" }, 210],
  ["net.netfilter.nf_conntrack_sctp_timeout_heartbeat_sent", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_sctp_timeout_shutdown_ack_sent", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_sctp_timeout_shutdown_recd", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_sctp_timeout_shutdown_sent", { k: "jiffies" }, 3],
  ["net.netfilter.nf_conntrack_tcp_be_liberal", { k: "u8", min: 0, max: 1 }, 0],
  ["net.netfilter.nf_conntrack_tcp_ignore_invalid_rst", { k: "u8", min: 0, max: 1 }, 0],
  ["net.netfilter.nf_conntrack_tcp_loose", { k: "u8", min: 0, max: 1 }, 1],
  ["net.netfilter.nf_conntrack_tcp_max_retrans", { k: "u8", min: 0, max: 255 }, 3],
  ["net.netfilter.nf_conntrack_tcp_timeout_close", { k: "jiffies" }, 10],
  ["net.netfilter.nf_conntrack_tcp_timeout_close_wait", { k: "jiffies" }, 60],
  ["net.netfilter.nf_conntrack_tcp_timeout_established", { k: "jiffies" }, 432e3],
  ["net.netfilter.nf_conntrack_tcp_timeout_fin_wait", { k: "jiffies" }, 120],
  ["net.netfilter.nf_conntrack_tcp_timeout_last_ack", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_tcp_timeout_max_retrans", { k: "jiffies" }, 300],
  ["net.netfilter.nf_conntrack_tcp_timeout_syn_recv", { k: "jiffies" }, 60],
  ["net.netfilter.nf_conntrack_tcp_timeout_syn_sent", { k: "jiffies" }, 120],
  ["net.netfilter.nf_conntrack_tcp_timeout_time_wait", { k: "jiffies" }, 120],
  ["net.netfilter.nf_conntrack_tcp_timeout_unacknowledged", { k: "jiffies" }, 300],
  ["net.netfilter.nf_conntrack_timestamp", { k: "u8", min: 0, max: 1 }, 0],
  ["net.netfilter.nf_conntrack_udp_timeout", { k: "jiffies" }, 30],
  ["net.netfilter.nf_conntrack_udp_timeout_stream", { k: "jiffies" }, 120]
];
var GLOBAL_KIND = new Map(GLOBAL_SYSCTLS.map(([n, k]) => [n, k]));
function procGetLong(text) {
  const buf = `${text}
`;
  let p = 0;
  while (p < buf.length && /[ \t\n\v\f\r]/.test(buf[p])) p++;
  if (p >= buf.length) return void 0;
  const size = buf.length - p;
  const tmp = buf.slice(p, p + Math.min(size, 21));
  let i = 0;
  let neg = false;
  if (tmp[0] === "-" && size > 1) {
    neg = true;
    i = 1;
  }
  if (!/[0-9]/.test(tmp[i] ?? "")) return void 0;
  let base = 10;
  if (tmp[i] === "0") {
    if ((tmp[i + 1] === "x" || tmp[i + 1] === "X") && /[0-9a-fA-F]/.test(tmp[i + 2] ?? "")) {
      base = 16;
      i += 2;
    } else base = 8;
  }
  let val = 0n;
  const start = i;
  for (; i < tmp.length; i++) {
    const d = Number.parseInt(tmp[i], 16);
    if (Number.isNaN(d) || d >= base) break;
    val = val * BigInt(base) + BigInt(d);
    if (val > 0xffffffffffffffffn) return void 0;
  }
  if (i === start && base !== 8) return void 0;
  if (i === 21) return void 0;
  if (i < size && !" 	\n".includes(tmp[i] ?? "")) return void 0;
  return { neg, val };
}
function parseConfWrite(kind, text) {
  if (kind.k === "ro") return void 0;
  const r = procGetLong(text);
  if (!r) return void 0;
  const { neg, val } = r;
  switch (kind.k) {
    case "int":
    case "minmax": {
      if (neg ? val > BigInt(INT_MAX3) + 1n : val > BigInt(INT_MAX3)) return void 0;
      const v = neg ? -Number(val) : Number(val);
      if (kind.k === "minmax" && (v < kind.min || v > kind.max)) return void 0;
      return v;
    }
    case "u8": {
      if (neg || val > 0xffffffffn) return void 0;
      const v = Number(val);
      if (v < kind.min || v > kind.max) return void 0;
      return v;
    }
    case "jiffies": {
      if (val > BigInt(Math.floor(INT_MAX3 / HZ3))) return void 0;
      return neg ? -Number(val) : Number(val);
    }
    case "msjiffies": {
      const m = Number(BigInt.asUintN(32, neg ? -val : val));
      if (m > INT_MAX3) return void 0;
      return Math.ceil(m / (1e3 / HZ3));
    }
  }
}
function formatConf(kind, v) {
  if (kind.k === "msjiffies") return String(v * (1e3 / HZ3));
  return String(v);
}

// src/engine/net.ts
var RT_SCOPE_UNIVERSE = 0;
var RT_SCOPE_LINK = 253;
var RT_SCOPE_HOST = 254;
var RT_SCOPE_NOWHERE = 255;
var RTPROT_KERNEL = 2;
var RTPROT_BOOT = 3;
var RT_TABLE_MAIN = 254;
var RT_TABLE_LOCAL = 255;
var STRERROR2 = {
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  ESRCH: "No such process",
  EBUSY: "Device or resource busy",
  EEXIST: "File exists",
  ENODEV: "No such device",
  EINVAL: "Invalid argument",
  ENOBUFS: "No buffer space available",
  EACCES: "Permission denied",
  ERANGE: "Numerical result out of range",
  ELOOP: "Too many levels of symbolic links",
  EOPNOTSUPP: "Operation not supported",
  EADDRNOTAVAIL: "Cannot assign requested address",
  ENETDOWN: "Network is down",
  ENETUNREACH: "Network is unreachable",
  ENOTCONN: "Transport endpoint is not connected",
  EHOSTUNREACH: "No route to host",
  EXDEV: "Invalid cross-device link"
};
function kerr(errno, extack) {
  return extack === void 0 ? { errno } : { errno, extack };
}
var RTCF_NOTIFY = 65536;
var RTCF_DOREDIRECT = 16777216;
var RTCF_BROADCAST = 268435456;
var RTCF_MULTICAST = 536870912;
var RTCF_LOCAL = 2147483648;
var TYPE_ERROR = {
  [RTN_BLACKHOLE]: "EINVAL",
  [RTN_UNREACHABLE]: "EHOSTUNREACH",
  [RTN_PROHIBIT]: "EACCES",
  [RTN_THROW]: "EAGAIN"
};
var TYPE_SCOPE = {
  [RTN_UNICAST]: RT_SCOPE_UNIVERSE,
  [RTN_LOCAL]: RT_SCOPE_HOST,
  [RTN_BROADCAST]: RT_SCOPE_LINK,
  [RTN_ANYCAST]: RT_SCOPE_LINK,
  [RTN_MULTICAST]: RT_SCOPE_UNIVERSE,
  [RTN_BLACKHOLE]: RT_SCOPE_UNIVERSE,
  [RTN_UNREACHABLE]: RT_SCOPE_UNIVERSE,
  [RTN_PROHIBIT]: RT_SCOPE_UNIVERSE,
  [RTN_THROW]: RT_SCOPE_UNIVERSE,
  [RTN_NAT]: RT_SCOPE_NOWHERE
};
var TYPE_NAME = {
  [RTN_UNICAST]: "unicast",
  [RTN_LOCAL]: "local",
  [RTN_BROADCAST]: "broadcast",
  [RTN_ANYCAST]: "anycast",
  [RTN_MULTICAST]: "multicast",
  [RTN_BLACKHOLE]: "blackhole",
  [RTN_UNREACHABLE]: "unreachable",
  [RTN_PROHIBIT]: "prohibit",
  [RTN_THROW]: "throw",
  [RTN_NAT]: "nat"
};
var isMulticast = (a) => a >>> 28 === 14;
var isLoopbackAddr = (a) => a >>> 24 === 127;
var isZeronet = (a) => a >>> 24 === 0;
var LBCAST = 4294967295;
function inSubnet(a, net, plen) {
  const m = cidrToMask(plen);
  return (a & m) >>> 0 === (net & m) >>> 0;
}
function freshConf(dflt) {
  return { ...dflt };
}
var NetConfig = class _NetConfig {
  /** Interfaces in ifindex order. */
  ifaces = [];
  tables = /* @__PURE__ */ new Map();
  /** Global sysctls (stored form, see net-conf.ts). */
  sys = /* @__PURE__ */ new Map();
  confAll = {};
  confDflt = {};
  confDfltSet = [];
  v6All = 1;
  v6Dflt = 1;
  nextIndex = 1;
  tableSeq = 0;
  /** A route of type local was added by a user (fib_has_custom_local_routes). */
  customLocalRoutes = false;
  /** Bumped on every change, so that callers know when to save. */
  gen = 0;
  rng;
  random32;
  constructor(opts = {}) {
    this.rng = new Rng(opts.seed ?? 1852142641);
    this.random32 = opts.random32 ?? (() => this.rng.next32());
    for (const c of IPV4_CONF) {
      this.confAll[c.key] = c.all;
      this.confDflt[c.key] = c.dflt;
    }
    for (const [name, , v] of GLOBAL_SYSCTLS) this.sys.set(name, v);
    this.table(RT_TABLE_MAIN, true);
    this.table(RT_TABLE_LOCAL, true);
    const lo = this.register("loopback", "lo", 0, 65536);
    this.setUp(lo, true);
    this.gen = 0;
  }
  // ---------------------------------------------------------------- interfaces
  iface(name) {
    return this.ifaces.find((i) => i.name === name);
  }
  ifaceByIndex(index) {
    return this.ifaces.find((i) => i.index === index);
  }
  nameOf(index) {
    return this.ifaceByIndex(index)?.name ?? `if${index}`;
  }
  /** eth_random_addr(): a random unicast, locally administered address. */
  randomMac() {
    const hi = this.random32();
    const lo = this.random32();
    const b0 = (hi >>> 24 & 254 | 2) >>> 0;
    const top = b0 << 8 | hi >>> 16 & 255;
    const low = ((hi & 65535) << 16 | lo & 65535) >>> 0;
    return top * 2 ** 32 + low;
  }
  /** dev_alloc_name(): the first free NAME%d. */
  allocName(pattern) {
    for (let n = 0; ; n++) {
      const name = pattern.replace("%d", String(n));
      if (!this.iface(name)) return name;
    }
  }
  register(kind, name, mac, mtu) {
    const i = {
      index: this.nextIndex++,
      name,
      kind,
      mac,
      mtu,
      up: false,
      txqlen: 1e3,
      group: 0,
      addrs: [],
      peer: 0,
      master: 0,
      macSet: false,
      mtuSet: false,
      brEval: false,
      inet: mtu >= 68,
      conf: freshConf(this.confDflt),
      confSet: [...this.confDfltSet],
      disableIpv6: this.v6Dflt,
      alias: ""
    };
    if (kind === "loopback") {
      for (const [k, v] of LOOPBACK_CONF) {
        i.conf[k] = v;
        if (!i.confSet.includes(k)) i.confSet.push(k);
      }
    }
    this.ifaces.push(i);
    this.ifaces.sort((a, b) => a.index - b.index);
    this.gen++;
    return i;
  }
  static minMtu(kind) {
    return kind === "loopback" || kind === "dummy" ? 0 : 68;
  }
  static maxMtu(kind) {
    return kind === "loopback" ? Number.POSITIVE_INFINITY : 65535;
  }
  /** IFF_LOWER_UP material: whether the device has carrier. */
  carrier(i) {
    switch (i.kind) {
      case "loopback":
      case "dummy":
        return true;
      case "veth": {
        const p = this.ifaceByIndex(i.peer);
        return i.up && !!p && p.up;
      }
      case "bridge":
        if (!i.brEval) return true;
        return i.up && this.ifaces.some((p) => p.master === i.index && p.up && this.carrier(p));
    }
  }
  /** RFC 2863 operational state as iproute2 names it. */
  operstate(i) {
    if (!i.up) return "DOWN";
    switch (i.kind) {
      case "loopback":
      case "dummy":
        return "UNKNOWN";
      case "veth":
        return this.carrier(i) ? "UP" : "LOWERLAYERDOWN";
      case "bridge":
        if (!i.brEval) return "UNKNOWN";
        return this.carrier(i) ? "UP" : "DOWN";
    }
  }
  /** Link flags, in iproute2's print order. */
  linkFlags(i) {
    const f = [];
    const running = i.up && this.operstate(i) !== "DOWN" && this.operstate(i) !== "LOWERLAYERDOWN";
    if (i.up && !running) f.push("NO-CARRIER");
    if (i.kind === "loopback") f.push("LOOPBACK");
    else f.push("BROADCAST");
    if (i.kind === "veth" || i.kind === "bridge") f.push("MULTICAST");
    if (i.kind === "dummy") f.push("NOARP");
    if (i.up) f.push("UP");
    if (i.up && this.carrier(i)) f.push("LOWER_UP");
    return f;
  }
  /** `ip link add`: creates a device (and its veth peer first). */
  addLink(kind, spec, peer) {
    if (spec.name !== void 0 && this.iface(spec.name)) return kerr("EEXIST");
    const check2 = (s) => {
      if (s.mtu !== void 0) {
        if (kind === "veth") {
          if (s.mtu < 68 || s.mtu > 65535) return kerr("EINVAL");
        } else if (s.mtu < _NetConfig.minMtu(kind)) return kerr("EINVAL", "mtu less than device minimum");
        else if (s.mtu > _NetConfig.maxMtu(kind)) return kerr("EINVAL", "mtu greater than device maximum");
      }
      if (s.macLen !== void 0) {
        if (s.macLen !== 6) return kerr("EINVAL");
        if (!validEther(s.mac)) return kerr("EADDRNOTAVAIL");
      }
      return void 0;
    };
    let e = check2(spec);
    if (e) return e;
    if (kind === "veth" && peer) {
      e = check2(peer);
      if (e) return e;
    }
    const master = spec.master;
    if (master !== void 0 && master !== 0 && !this.ifaceByIndex(master)) return kerr("EINVAL");
    let p;
    if (kind === "veth") {
      const ps = peer ?? {};
      const pname = ps.name ?? this.allocName("veth%d");
      if (this.iface(pname)) return kerr("EEXIST");
      p = this.register("veth", pname, ps.mac ?? this.randomMac(), ps.mtu ?? 1500);
      this.applyCommon(p, ps);
      if (ps.up) {
        this.unregister(p);
        return kerr("ENOTCONN");
      }
    }
    const name = spec.name ?? this.allocName(kind === "veth" ? "veth%d" : kind === "bridge" ? "bridge%d" : "dummy%d");
    if (this.iface(name)) {
      if (p) this.unregister(p);
      return kerr("EEXIST");
    }
    const i = this.register(kind, name, spec.mac ?? this.randomMac(), spec.mtu ?? 1500);
    this.applyCommon(i, spec);
    if (p) {
      i.peer = p.index;
      p.peer = i.index;
    }
    if (kind === "bridge" && spec.mac !== void 0) {
      i.macSet = true;
      i.brEval = true;
    }
    if (spec.up) this.setUp(i, true);
    if (master) {
      const err = this.setMaster(i, master);
      if (err) {
        this.deleteLink(i);
        return err;
      }
    }
    return void 0;
  }
  applyCommon(i, s) {
    if (s.txqlen !== void 0) i.txqlen = s.txqlen;
    if (s.group !== void 0) i.group = s.group;
    if (s.alias !== void 0) i.alias = s.alias;
  }
  unregister(i) {
    this.ifaces = this.ifaces.filter((x) => x !== i);
    this.gen++;
  }
  /** `ip link del`. */
  deleteLink(i) {
    if (i.kind === "loopback") return kerr("EOPNOTSUPP");
    const gone = [i];
    if (i.kind === "veth") {
      const p = this.ifaceByIndex(i.peer);
      if (p) gone.push(p);
    }
    for (const g of gone) {
      if (g.up) this.setUp(g, false);
      if (g.master) this.setMaster(g, 0);
      if (g.kind === "bridge")
        for (const port2 of this.ifaces.filter((x) => x.master === g.index)) this.setMaster(port2, 0);
      const locals = g.addrs.map((a) => a.addr);
      g.addrs = [];
      this.removeRoutes((r) => r.oif === g.index);
      for (const a of locals)
        if (!this.ifaces.some((x) => x !== g && x.addrs.some((b) => b.addr === a))) this.syncDownAddr(a);
      this.unregister(g);
    }
    return void 0;
  }
  /** dev_open() / dev_close() and what the kernel does around them. */
  setUp(i, up) {
    if (i.up === up) return void 0;
    const bridgeOf = i.master ? this.ifaceByIndex(i.master) : void 0;
    if (up) {
      if (i.kind === "veth" && !this.ifaceByIndex(i.peer)) return kerr("ENOTCONN");
      i.up = true;
      i.everUp = true;
      if (i.inet && i.kind === "loopback") {
        i.confSet = IPV4_CONF.map((c) => c.key);
        if (!i.addrs.some((a) => a.addr === 2130706433 && a.plen === 8)) {
          this.insertAddr(i, {
            addr: 2130706433,
            plen: 8,
            brd: 0,
            scope: RT_SCOPE_HOST,
            metric: 0,
            noprefixroute: false
          });
        }
      }
      for (const a of [...i.addrs]) this.fibAddIfaddr(i, a);
    } else {
      i.up = false;
      this.removeRoutes((r) => r.oif === i.index && r.nhScope !== RT_SCOPE_NOWHERE);
    }
    if (bridgeOf) bridgeOf.brEval = true;
    if (i.kind === "veth") {
      const p = this.ifaceByIndex(i.peer);
      if (p?.master) this.ifaceByIndex(p.master).brEval = true;
    }
    this.gen++;
    return void 0;
  }
  /** dev_set_mac_address(). */
  setMac(i, mac) {
    if (i.kind === "loopback") return kerr("EOPNOTSUPP");
    if (!validEther(mac)) return kerr("EADDRNOTAVAIL");
    i.mac = mac;
    if (i.kind === "bridge") {
      i.macSet = true;
      i.brEval = true;
    } else if (i.master) this.bridgeRecalcMac(this.ifaceByIndex(i.master));
    this.gen++;
    return void 0;
  }
  /** dev_set_mtu_ext(). */
  setMtu(i, mtu) {
    if (mtu < 0 || mtu < _NetConfig.minMtu(i.kind)) return kerr("EINVAL", "mtu less than device minimum");
    if (mtu > _NetConfig.maxMtu(i.kind)) return kerr("EINVAL", "mtu greater than device maximum");
    i.mtu = mtu;
    if (i.kind === "bridge") i.mtuSet = true;
    if (i.master) this.bridgeMtuAdjust(this.ifaceByIndex(i.master));
    if (mtu < 68 && i.inet) {
      for (const a of [...i.addrs]) this.removeAddr(i, a, false);
      i.inet = false;
      this.removeRoutes((r) => r.oif === i.index);
    } else if (mtu >= 68 && !i.inet) {
      i.inet = true;
      i.conf = freshConf(this.confDflt);
      i.confSet = [...this.confDfltSet];
    }
    this.gen++;
    return void 0;
  }
  /** dev_change_name(). */
  rename(i, name) {
    if (name === i.name) return void 0;
    if (this.iface(name)) return kerr("EEXIST");
    i.name = name;
    i.addrs.forEach((a, n) => {
      if (n === 0) {
        a.label = name;
        return;
      }
      const colon = a.label.indexOf(":");
      const dot = colon >= 0 ? a.label.slice(colon) : `:${n + 1}`;
      a.label = dot.length + name.length < 16 ? name + dot : name.slice(0, 16 - dot.length - 1) + dot;
    });
    this.gen++;
    return void 0;
  }
  /** do_set_master(): 0 releases. */
  setMaster(i, master) {
    if (i.master === master) return void 0;
    if (i.master) {
      const old = this.ifaceByIndex(i.master);
      i.master = 0;
      old.brEval = true;
      this.bridgeRecalcMac(old);
      this.bridgeMtuAdjust(old);
    }
    if (master) {
      const br = this.ifaceByIndex(master);
      if (!br) return kerr("EINVAL");
      if (br.kind !== "bridge") return kerr("EOPNOTSUPP");
      if (i.kind === "loopback") return kerr("EINVAL");
      if (i.kind === "bridge") return kerr("ELOOP", "Can not enslave a bridge to a bridge");
      i.master = br.index;
      br.brEval = true;
      this.bridgeRecalcMac(br);
      this.bridgeMtuAdjust(br);
    }
    this.gen++;
    return void 0;
  }
  /** br_stp_recalculate_bridge_id(): the lowest port address, unless the user chose one. */
  bridgeRecalcMac(br) {
    if (br.macSet) return;
    let best;
    for (const p of this.ifaces) if (p.master === br.index && (best === void 0 || p.mac < best)) best = p.mac;
    br.mac = best ?? 0;
  }
  /** br_mtu_auto_adjust(). */
  bridgeMtuAdjust(br) {
    if (br.mtuSet) return;
    let m = 0;
    for (const p of this.ifaces) if (p.master === br.index && (!m || p.mtu < m)) m = p.mtu;
    br.mtu = m || 1500;
  }
  // ------------------------------------------------------------------ addresses
  /** inet_rtm_newaddr() (NLM_F_CREATE|NLM_F_EXCL unless `replace`). */
  addAddr(i, spec, mode = "add") {
    if (spec.label !== void 0 && spec.label.length > 15) return kerr("EINVAL", "Attribute failed policy validation");
    if (!i.inet) return kerr("ENOBUFS");
    i.confSet = IPV4_CONF.map((c) => c.key);
    const peer = spec.peer ?? spec.addr;
    const existing = i.addrs.find(
      (a) => a.plen === spec.plen && inSubnet(a.peer, peer, spec.plen) && a.addr === spec.addr
    );
    if (existing) {
      if (mode === "add") return kerr("EEXIST", "ipv4: Address already assigned");
      if (existing.metric !== spec.metric) {
        const prefix = (existing.peer & cidrToMask(existing.plen)) >>> 0;
        const old = this.tableRoutes(RT_TABLE_MAIN).find(
          (r) => r.proto === RTPROT_KERNEL && r.oif === i.index && r.prefsrc === existing.addr && r.dst === prefix && r.plen === existing.plen && r.type === RTN_UNICAST
        );
        existing.metric = spec.metric;
        if (old) {
          this.removeRoutes((r) => r === old);
          this.insertRoute({ ...old, metric: spec.metric }, { create: true, append: true });
        }
      }
      this.gen++;
      return void 0;
    }
    if (!spec.addr) return void 0;
    return this.insertAddr(i, spec);
  }
  /** __inet_insert_ifa(). */
  insertAddr(i, s) {
    const a = {
      addr: s.addr,
      peer: s.peer ?? s.addr,
      plen: s.plen,
      brd: s.brd,
      scope: s.scope,
      secondary: false,
      label: s.label ?? i.name,
      metric: s.metric,
      noprefixroute: s.noprefixroute
    };
    let lastPrimary = 0;
    for (let n = 0; n < i.addrs.length; n++) {
      const b = i.addrs[n];
      if (!b.secondary && a.scope <= b.scope) lastPrimary = n + 1;
      if (b.plen === a.plen && inSubnet(b.peer, a.peer, a.plen)) {
        if (b.addr === a.addr) return kerr("EEXIST", "ipv4: Address already assigned");
        if (b.scope !== a.scope) return kerr("EINVAL", "ipv4: Invalid scope value");
        a.secondary = true;
      }
    }
    if (a.secondary) i.addrs.push(a);
    else i.addrs.splice(lastPrimary, 0, a);
    this.fibAddIfaddr(i, a);
    this.gen++;
    return void 0;
  }
  /** inet_rtm_deladdr(): the first address matching. */
  delAddr(i, m) {
    for (const a of i.addrs) {
      if (a.addr !== m.addr) continue;
      if (m.label !== void 0 && a.label !== m.label) continue;
      if (m.plen !== void 0 && (a.plen !== m.plen || !inSubnet(m.peer ?? m.addr, a.peer, a.plen))) continue;
      this.removeAddr(i, a, true);
      return void 0;
    }
    return kerr("EADDRNOTAVAIL", "ipv4: Address not found");
  }
  /** The primary address of `a`'s subnet (inet_ifa_byprefix). */
  primaryOf(i, a) {
    if (!a.secondary) return a;
    return i.addrs.find((b) => !b.secondary && b.plen === a.plen && inSubnet(b.peer, a.peer, a.plen));
  }
  /** __inet_del_ifa(): a primary takes its secondaries along unless promote_secondaries is set. */
  removeAddr(i, a, allowPromote) {
    const candidates = [];
    const sameSubnet = (b) => b !== a && b.secondary && b.plen === a.plen && inSubnet(b.peer, a.peer, a.plen);
    const promote = allowPromote && !a.secondary && (this.confAll.promote_secondaries || i.conf.promote_secondaries);
    const removed = [a];
    let promoted;
    if (!a.secondary) {
      const secs = i.addrs.filter(sameSubnet);
      if (promote && secs.length) promoted = secs[0];
      else removed.push(...secs);
    }
    for (const r of removed) candidates.push(...this.derivedRoutes(i, r, this.primaryOf(i, r) ?? a));
    if (promoted) for (const s of i.addrs.filter(sameSubnet)) candidates.push(...this.derivedRoutes(i, s, a));
    const pos = i.addrs.indexOf(a);
    i.addrs = i.addrs.filter((x) => !removed.includes(x));
    if (promoted) {
      promoted.secondary = false;
      i.addrs = i.addrs.filter((x) => x !== promoted);
      let at = pos;
      for (let n = pos; n < i.addrs.length; n++) if (!i.addrs[n].secondary && a.scope <= i.addrs[n].scope) at = n + 1;
      i.addrs.splice(Math.min(at, i.addrs.length), 0, promoted);
    }
    const want = /* @__PURE__ */ new Set();
    for (const d of this.ifaces)
      for (const b of d.addrs)
        for (const r of this.derivedRoutes(d, b, this.primaryOf(d, b) ?? b)) want.add(routeKey(r));
    const drop = new Set(candidates.map(routeKey).filter((k) => !want.has(k)));
    this.removeRoutes((r) => r.proto === RTPROT_KERNEL && drop.has(routeKey(r)));
    if (promoted) {
      this.fibAddIfaddr(i, promoted);
      for (const s of i.addrs.filter(
        (b) => b.secondary && b.plen === promoted.plen && inSubnet(b.peer, promoted.peer, b.plen)
      ))
        this.fibAddIfaddr(i, s);
    }
    for (const r of removed) {
      if (!i.addrs.some((b) => b.addr === r.addr) && this.addrTypeDev(r.addr) !== RTN_LOCAL) this.syncDownAddr(r.addr);
    }
    if (i.addrs.length === 0) this.removeRoutes((r) => r.oif === i.index);
    this.gen++;
  }
  /** `ip addr flush`: deletes the matching addresses one by one. */
  flushAddrs(i, pred) {
    for (; ; ) {
      const a = i.addrs.find(pred);
      if (!a) return;
      this.removeAddr(i, a, true);
    }
  }
  /** fib_sync_down_addr(): main-table routes preferring a vanished address die. */
  syncDownAddr(addr2) {
    this.removeRoutes((r) => r.table === RT_TABLE_MAIN && r.prefsrc === addr2);
  }
  /** The routes fib_add_ifaddr() makes for an address (its primary given). */
  derivedRoutes(i, a, prim) {
    const out = [];
    const mk = (type, dst, plen, metric = 0) => ({
      table: type === RTN_UNICAST ? RT_TABLE_MAIN : RT_TABLE_LOCAL,
      type,
      dst,
      plen,
      tos: 0,
      metric,
      proto: RTPROT_KERNEL,
      scope: type === RTN_LOCAL ? RT_SCOPE_HOST : RT_SCOPE_LINK,
      prefsrc: prim.addr,
      gateway: 0,
      oif: i.index,
      onlink: false,
      nhScope: type === RTN_LOCAL ? RT_SCOPE_NOWHERE : RT_SCOPE_HOST
    });
    out.push(mk(RTN_LOCAL, a.addr, 32));
    if (!i.up) return out;
    const mask = cidrToMask(a.plen);
    const prefix = (a.peer & mask) >>> 0;
    if (isMulticast(prefix)) return out;
    if (a.brd && a.brd !== LBCAST) out.push(mk(RTN_BROADCAST, a.brd, 32));
    if (!isZeronet(prefix) && !a.secondary && (prefix !== a.addr || a.plen < 32)) {
      if (!a.noprefixroute) out.push(mk(i.kind === "loopback" ? RTN_LOCAL : RTN_UNICAST, prefix, a.plen, a.metric));
      if (a.plen < 31) out.push(mk(RTN_BROADCAST, (prefix | ~mask) >>> 0, 32));
    }
    return out;
  }
  /** fib_add_ifaddr(): fib_magic(RTM_NEWROUTE, …) with NLM_F_CREATE|NLM_F_APPEND. */
  fibAddIfaddr(i, a) {
    const prim = this.primaryOf(i, a);
    if (!prim) return;
    for (const r of this.derivedRoutes(i, a, prim)) {
      if (!(r.type === RTN_LOCAL && r.dst === r.prefsrc) && this.addrTypeDev(r.prefsrc) !== RTN_LOCAL) continue;
      this.insertRoute(r, { create: true, append: true });
    }
  }
  // ---------------------------------------------------------------------- FIB
  /** fib_new_table() when `create`, else fib_get_table(). */
  table(id, create = false) {
    let t = this.tables.get(id);
    if (!t && create) {
      t = { id, seq: this.tableSeq++, routes: [] };
      this.tables.set(id, t);
    }
    return t;
  }
  tableRoutes(id) {
    return this.tables.get(id)?.routes ?? [];
  }
  /** Tables in the order a dump of every table visits them (by id modulo 256, newest first within a bucket). */
  dumpTables() {
    return [...this.tables.values()].sort((a, b) => (a.id & 255) - (b.id & 255) || b.seq - a.seq);
  }
  removeRoutes(pred) {
    for (const t of this.tables.values()) {
      const before2 = t.routes.length;
      t.routes = t.routes.filter((r) => !pred(r));
      if (t.routes.length !== before2) this.gen++;
    }
  }
  /** Whether a route's nexthop is in a device without carrier (RTNH_F_LINKDOWN). */
  linkdown(r) {
    if (!r.oif || r.nhScope === RT_SCOPE_NOWHERE) return false;
    const d = this.ifaceByIndex(r.oif);
    return !!d && !this.carrier(d);
  }
  /** fib_table_insert() of a fully checked route. */
  insertRoute(r, f) {
    const t = this.table(r.table, true);
    const rs = t.routes;
    let start = 0;
    while (start < rs.length && (rs[start].dst < r.dst || rs[start].dst === r.dst && rs[start].plen > r.plen))
      start++;
    let end = start;
    while (end < rs.length && rs[end].dst === r.dst && rs[end].plen === r.plen) end++;
    let fa = start;
    while (fa < end && (rs[fa].tos > r.tos || rs[fa].tos === r.tos && rs[fa].metric < r.metric)) fa++;
    if (fa < end && rs[fa].tos === r.tos && rs[fa].metric === r.metric) {
      if (f.excl) return kerr("EEXIST");
      const first = fa;
      let match = -1;
      let n = fa;
      for (; n < end && rs[n].tos === r.tos && rs[n].metric === r.metric; n++) {
        if (sameRoute(rs[n], r)) {
          match = n;
          break;
        }
      }
      if (f.replace) {
        if (match >= 0) return match === first ? void 0 : kerr("EEXIST");
        rs[first] = r;
        this.gen++;
        return void 0;
      }
      if (match >= 0) return kerr("EEXIST");
      if (f.append) {
        while (n < end && rs[n].tos === r.tos && rs[n].metric === r.metric) n++;
        fa = n;
      } else fa = first;
    }
    if (!f.create) return kerr("ENOENT");
    rs.splice(fa, 0, r);
    this.gen++;
    return void 0;
  }
  /** inet_rtm_newroute(): the checks of fib_create_info() and fib_check_nh(), then the insert. */
  addRoute(s, f) {
    this.table(s.table, true);
    if (s.plen < 32 && s.dst << s.plen >>> 0 !== 0 && s.plen > 0)
      return kerr("EINVAL", "Invalid prefix for given prefix length");
    if (s.plen === 0 && s.dst !== 0) return kerr("EINVAL", "Invalid prefix for given prefix length");
    if ((TYPE_SCOPE[s.type] ?? RT_SCOPE_NOWHERE) > s.scope) return kerr("EINVAL", "Invalid scope");
    const r = { ...s, nhScope: RT_SCOPE_NOWHERE };
    if (TYPE_ERROR[s.type]) {
      if (s.gateway || s.oif)
        return kerr("EINVAL", "Gateway, device and multipath can not be specified for this route type");
    } else {
      if (![RTN_UNICAST, RTN_LOCAL, RTN_BROADCAST, RTN_ANYCAST, RTN_MULTICAST].includes(s.type))
        return kerr("EINVAL", "Invalid route type");
      if (s.scope > RT_SCOPE_HOST) return kerr("EINVAL", "Invalid scope");
      if (s.scope === RT_SCOPE_HOST) {
        if (s.gateway) return kerr("EINVAL", "Route with host scope can not have a gateway");
        if (!this.ifaceByIndex(s.oif)) return kerr("ENODEV");
        r.nhScope = RT_SCOPE_NOWHERE;
      } else {
        const e2 = this.checkNexthop(r);
        if (e2) return e2;
      }
      if (s.prefsrc && !this.validPrefsrc(s)) return kerr("EINVAL", "Invalid prefsrc address");
    }
    const e = this.insertRoute(r, f);
    if (!e && s.type === RTN_LOCAL) this.customLocalRoutes = true;
    return e;
  }
  /** fib_check_nh(): resolves the nexthop's device and scope. */
  checkNexthop(r) {
    if (!r.gateway) {
      if (r.onlink) return kerr("EINVAL", "Invalid flags for nexthop - PERVASIVE and ONLINK can not be set");
      const d2 = this.ifaceByIndex(r.oif);
      if (!d2?.inet) return kerr("ENODEV");
      if (!d2.up) return kerr("ENETDOWN", "Device for nexthop is not up");
      r.nhScope = RT_SCOPE_HOST;
      return void 0;
    }
    if (r.onlink) {
      if (r.scope >= RT_SCOPE_LINK) return kerr("EINVAL", "Nexthop has invalid scope");
      const d2 = this.ifaceByIndex(r.oif);
      if (!d2) return kerr("ENODEV", "Nexthop device required for onlink");
      if (!d2.up) return kerr("ENETDOWN", "Nexthop device is not up");
      if (this.addrTypeDev(r.gateway) !== RTN_UNICAST) return kerr("EINVAL", "Nexthop has invalid gateway");
      r.nhScope = RT_SCOPE_LINK;
      return void 0;
    }
    const scope = Math.max(r.scope + 1, RT_SCOPE_LINK);
    let hit;
    if (r.table !== RT_TABLE_MAIN && this.tables.has(r.table))
      hit = this.tableLookup([r.table], { dst: r.gateway, oif: r.oif }, scope, true);
    if (!hit) hit = this.fibLookup({ dst: r.gateway, oif: r.oif }, scope, true);
    if (!hit || hit.type !== RTN_UNICAST && hit.type !== RTN_LOCAL)
      return kerr("EINVAL", "Nexthop has invalid gateway");
    r.nhScope = hit.scope;
    r.oif = hit.oif;
    const d = this.ifaceByIndex(r.oif);
    if (!d) return kerr("EINVAL", "No egress device for nexthop gateway");
    return d.up ? void 0 : kerr("ENETDOWN");
  }
  /** fib_valid_prefsrc(): the preferred source must be a local address. */
  validPrefsrc(s) {
    if (s.type === RTN_LOCAL && s.dst && s.prefsrc === s.dst) return true;
    return this.addrTypeDev(s.prefsrc) === RTN_LOCAL;
  }
  /** fib_table_delete(). */
  delRoute(s) {
    const t = this.tables.get(s.table);
    if (!t) return kerr("ESRCH", "FIB table does not exist");
    const rs = t.routes;
    for (let n = 0; n < rs.length; n++) {
      const r = rs[n];
      if (r.dst !== s.dst || r.plen !== s.plen) continue;
      if (r.tos !== s.tos) continue;
      if (s.type && r.type !== s.type) continue;
      if (s.scope !== RT_SCOPE_NOWHERE && r.scope !== s.scope) continue;
      if (s.prefsrc && r.prefsrc !== s.prefsrc) continue;
      if (s.proto && r.proto !== s.proto) continue;
      if (s.metric && r.metric !== s.metric) continue;
      if (s.oif && r.oif !== s.oif) continue;
      if (s.gateway && r.gateway !== s.gateway) continue;
      rs.splice(n, 1);
      this.gen++;
      return void 0;
    }
    return kerr("ESRCH");
  }
  /** Removes every route `pred` selects (ip route flush). */
  flushRoutes(pred) {
    let n = 0;
    for (const t of this.tables.values()) {
      const keep = t.routes.filter((r) => !pred(r));
      n += t.routes.length - keep.length;
      t.routes = keep;
    }
    if (n) this.gen++;
    return n;
  }
  /**
   * fib_table_lookup() over `ids` merged (longest prefix first, then alias
   * order): the first alias whose scope is wide enough and whose nexthop
   * fits the flow's oif.
   */
  tableLookup(ids, fl, scope, ignoreLinkstate) {
    const all = [];
    for (const id of ids) for (const r of this.tableRoutes(id)) if (inSubnet(fl.dst, r.dst, r.plen)) all.push(r);
    all.sort((a, b) => b.plen - a.plen || b.table - a.table);
    for (const r of all) {
      if (r.tos && r.tos !== (fl.tos ?? 0)) continue;
      if (r.scope < scope) continue;
      if (TYPE_ERROR[r.type]) return r;
      if (!ignoreLinkstate && r.oif) {
        const d = this.ifaceByIndex(r.oif);
        if (d && !this.carrier(d) && this.confOr(d, "ignore_routes_with_linkdown") && r.nhScope !== RT_SCOPE_NOWHERE)
          continue;
      }
      if (fl.oif && r.oif && fl.oif !== r.oif) continue;
      if (fl.oif && !r.oif) continue;
      return r;
    }
    return void 0;
  }
  /** fib_lookup() with the default rules and merged local/main tables. */
  fibLookup(fl, scope = RT_SCOPE_UNIVERSE, ignoreLinkstate = false) {
    return this.tableLookup([RT_TABLE_LOCAL, RT_TABLE_MAIN], fl, scope, ignoreLinkstate);
  }
  /** inet_addr_type_dev_table(): the RTN_* class of `addr` as seen from `dev`. */
  addrTypeDev(addr2, dev) {
    if (isZeronet(addr2) || addr2 === LBCAST) return RTN_BROADCAST;
    if (isMulticast(addr2)) return RTN_MULTICAST;
    const hit = this.tableLookup([RT_TABLE_LOCAL], { dst: addr2 }, RT_SCOPE_UNIVERSE, true);
    if (hit && (!dev || hit.oif === dev.index)) return hit.type;
    return RTN_UNICAST;
  }
  /** inet_select_addr(): the source address `dev` prefers towards `dst` within `scope`. */
  selectAddr(dev, dst, scope) {
    if (dev) {
      const localnet = this.confOr(dev, "route_localnet") ? RT_SCOPE_LINK : RT_SCOPE_HOST;
      let addr2 = 0;
      for (const a of dev.addrs) {
        if (a.secondary) continue;
        if (Math.min(a.scope, localnet) > scope) continue;
        if (!dst || inSubnet(dst, a.peer, a.plen)) return a.addr;
        if (!addr2) addr2 = a.addr;
      }
      if (addr2) return addr2;
    }
    for (const d of this.ifaces) {
      const localnet = this.confOr(d, "route_localnet") ? RT_SCOPE_LINK : RT_SCOPE_HOST;
      for (const a of d.addrs) {
        if (Math.min(a.scope, localnet) > scope) continue;
        if (!a.secondary && a.scope !== RT_SCOPE_LINK) return a.addr;
      }
    }
    return 0;
  }
  /** FIB_RES_PREFSRC(): the route's preferred source, or one chosen for its nexthop. */
  prefsrcOf(r) {
    if (r.prefsrc) return r.prefsrc;
    return this.selectAddr(this.ifaceByIndex(r.oif), r.gateway, r.scope);
  }
  /** ip_route_output_key(): what `ip route get` (without iif) finds. */
  routeOutput(fl) {
    const lo = this.iface("lo");
    let src = fl.src ?? 0;
    let dst = fl.dst;
    const oifDev = fl.oif ? this.ifaceByIndex(fl.oif) : void 0;
    if (src) {
      if (isMulticast(src) || src === LBCAST || isZeronet(src)) return kerr("EINVAL");
      const local = this.ifaces.some((d) => d.addrs.some((a) => a.addr === src)) || this.tableLookup([RT_TABLE_LOCAL], { dst: src }, RT_SCOPE_UNIVERSE, true)?.type === RTN_LOCAL;
      if (!local) return kerr("ENETUNREACH");
    }
    if (fl.oif) {
      if (!oifDev) return kerr("ENODEV");
      if (!oifDev.up || !oifDev.inet) return kerr("ENETUNREACH");
      if (dst >>> 8 === 14680064 || dst === LBCAST) {
        if (!src) src = this.selectAddr(oifDev, 0, RT_SCOPE_LINK);
        return this.mkOutput(dst, src, oifDev.index, 0, dst === LBCAST ? RTN_BROADCAST : RTN_MULTICAST, void 0);
      }
      if (!src) {
        if (isMulticast(dst)) src = this.selectAddr(oifDev, 0, RT_SCOPE_UNIVERSE);
        else if (!dst) src = this.selectAddr(oifDev, 0, RT_SCOPE_HOST);
      }
    }
    if (!dst) {
      dst = src;
      if (!dst) dst = src = 2130706433;
      return this.mkOutput(dst, src, lo.index, 0, RTN_LOCAL, void 0);
    }
    const r = this.fibLookup({ dst, oif: fl.oif, tos: fl.tos });
    if (!r || fl.oif && TYPE_ERROR[r.type]) {
      if (fl.oif && oifDev) {
        if (!src) src = this.selectAddr(oifDev, 0, RT_SCOPE_LINK);
        return this.mkOutput(
          dst,
          src,
          oifDev.index,
          0,
          isMulticast(dst) ? RTN_MULTICAST : dst === LBCAST ? RTN_BROADCAST : RTN_UNICAST,
          void 0
        );
      }
      return kerr("ENETUNREACH");
    }
    const te = TYPE_ERROR[r.type];
    if (te) return kerr(te === "EAGAIN" ? "ENETUNREACH" : te);
    if (r.type === RTN_LOCAL) {
      if (!src) src = r.prefsrc || dst;
      return this.mkOutput(dst, src, lo.index, 0, RTN_LOCAL, r);
    }
    if (!src) src = this.prefsrcOf(r);
    let type = r.type;
    if (dst === LBCAST) type = RTN_BROADCAST;
    else if (isMulticast(dst)) type = RTN_MULTICAST;
    const gw = type === RTN_UNICAST && r.nhScope === RT_SCOPE_LINK ? r.gateway : 0;
    return this.mkOutput(dst, src, r.oif, gw, type, r);
  }
  mkOutput(dst, src, oif, gateway, type, fib) {
    const dev = this.ifaceByIndex(oif);
    if (isLoopbackAddr(src) && dev?.kind !== "loopback") return kerr("EINVAL");
    let flags = dev?.kind === "loopback" ? RTCF_LOCAL : 0;
    if (type === RTN_LOCAL) flags |= RTCF_LOCAL;
    if (type === RTN_BROADCAST) flags |= RTCF_BROADCAST | RTCF_LOCAL;
    if (type === RTN_MULTICAST) {
      flags |= RTCF_MULTICAST;
      if (dst === 3758096385) flags |= RTCF_LOCAL;
    }
    return { type, oif, gateway, src, flags, fib, input: false, redirect: false };
  }
  /** ip_route_input_slow(): what `ip route get … from S iif DEV` finds. */
  routeInput(fl) {
    const dev = this.ifaceByIndex(fl.iif);
    if (!dev) return kerr("ENODEV");
    if (!dev.inet) return kerr("EINVAL");
    const { dst, src } = fl;
    const lo = this.iface("lo");
    const localnet = this.confOr(dev, "route_localnet");
    if (isMulticast(src) || src === LBCAST) return kerr("EINVAL");
    if (dst === LBCAST || src === 0 && dst === 0) return this.brdInput(dev, fl, lo);
    if (isZeronet(src)) return kerr("EINVAL");
    if (isZeronet(dst)) return kerr("EINVAL");
    if (isLoopbackAddr(dst)) {
      if (!localnet) return kerr("EINVAL");
    } else if (isLoopbackAddr(src) && !localnet) return kerr("EINVAL");
    if (isMulticast(dst)) return kerr("EINVAL");
    const forward = this.confOf(dev, "forwarding") !== 0;
    const r = this.fibLookup({ dst, src, iif: fl.iif, mark: fl.mark, tos: fl.tos });
    if (!r || TYPE_ERROR[r.type]) {
      if (!forward) return kerr("EHOSTUNREACH");
      const te = r ? TYPE_ERROR[r.type] : "ENETUNREACH";
      return kerr(te === "EAGAIN" ? "ENETUNREACH" : te);
    }
    if (r.type === RTN_BROADCAST) {
      if (this.confAnd(dev, "bc_forwarding")) return this.forwardInput(dev, fl, r);
      return this.brdInput(dev, fl, lo);
    }
    if (r.type === RTN_LOCAL) {
      const v = this.validateSource(src, dst, 0, dev, fl.mark ?? 0);
      if (v < 0) return kerr("EINVAL");
      return {
        type: RTN_LOCAL,
        oif: lo.index,
        gateway: 0,
        src,
        flags: RTCF_LOCAL,
        fib: r,
        input: true,
        redirect: false
      };
    }
    if (!forward) return kerr("EHOSTUNREACH");
    if (r.type !== RTN_UNICAST) return kerr("EINVAL");
    return this.forwardInput(dev, fl, r);
  }
  brdInput(dev, fl, lo) {
    if (!isZeronet(fl.src) && this.validateSource(fl.src, fl.dst, 0, dev, fl.mark ?? 0) < 0) return kerr("EINVAL");
    return {
      type: RTN_BROADCAST,
      oif: lo.index,
      gateway: 0,
      src: fl.src,
      flags: RTCF_BROADCAST | RTCF_LOCAL,
      input: true,
      redirect: false
    };
  }
  /** __mkroute_input(). */
  forwardInput(dev, fl, r) {
    const out = this.ifaceByIndex(r.oif);
    if (!out) return kerr("EINVAL");
    const v = this.validateSource(fl.src, fl.dst, r.oif, dev, fl.mark ?? 0);
    if (v < 0) return kerr("EINVAL");
    let redirect = false;
    if (out === dev && v > 0 && this.confOr(out, "send_redirects")) {
      if (this.confOr(out, "shared_media") || (r.gateway ? inSubnetOnlink(out, fl.src, r.gateway) : false))
        redirect = true;
    }
    return {
      type: RTN_UNICAST,
      oif: r.oif,
      gateway: r.nhScope === RT_SCOPE_LINK ? r.gateway : 0,
      src: fl.src,
      flags: redirect ? RTCF_DOREDIRECT : 0,
      fib: r,
      input: true,
      redirect
    };
  }
  /**
   * fib_validate_source(): <0 rejects (martian / reverse path), 1 when the
   * source is directly connected on the arrival device, else 0.
   */
  validateSource(src, dst, oif, dev, mark) {
    const rpf = Math.max(this.confAll.rp_filter, dev.conf.rp_filter ?? 0);
    const txRedirects = this.confOr(dev, "send_redirects");
    if (!rpf && (dev.index !== oif || !txRedirects)) {
      if (this.confOr(dev, "accept_local")) return 0;
      if (!this.customLocalRoutes) {
        if (this.ifaces.some((d) => d.addrs.some((a) => a.addr === src))) return -1;
        return 0;
      }
    }
    const fl = { dst: src, src: dst, iif: oif || 1, mark: this.confOr(dev, "src_valid_mark") ? mark : 0 };
    const noAddr2 = dev.addrs.length === 0;
    const r = this.fibLookup(fl);
    if (!r || TYPE_ERROR[r.type]) return rpf ? -1 : 0;
    if (r.type !== RTN_UNICAST && (r.type !== RTN_LOCAL || !this.confOr(dev, "accept_local"))) return -1;
    const lo = this.iface("lo");
    if (r.oif === dev.index || r.type === RTN_LOCAL && dev === lo) return r.nhScope >= RT_SCOPE_HOST ? 1 : 0;
    if (noAddr2) return rpf ? -1 : 0;
    if (rpf === 1) return -1;
    const r2 = this.fibLookup({ ...fl, oif: dev.index }, RT_SCOPE_UNIVERSE, true);
    if (r2 && r2.type === RTN_UNICAST) return r2.nhScope >= RT_SCOPE_HOST ? 1 : 0;
    return 0;
  }
  // ---------------------------------------------------------------- sysctls
  confOf(dev, key) {
    return dev.conf[key] ?? this.confDflt[key] ?? 0;
  }
  /** IN_DEV_ORCONF(). */
  confOr(dev, key) {
    return !!(this.confAll[key] || this.confOf(dev, key));
  }
  /** IN_DEV_ANDCONF(). */
  confAnd(dev, key) {
    return !!(this.confAll[key] && this.confOf(dev, key));
  }
  /** Every sysctl the twin has, as /proc/sys paths split in components, sorted as readdir() lists them. */
  sysctlPaths() {
    const out = [];
    for (const [name] of GLOBAL_SYSCTLS) out.push(name.split("."));
    out.push(["net", "ipv4", "ip_forward"]);
    const devs = ["all", "default", ...this.ifaces.filter((i) => i.inet).map((i) => i.name)];
    for (const d of devs) for (const c of IPV4_CONF) out.push(["net", "ipv4", "conf", d, c.key]);
    for (const d of ["all", "default", ...this.ifaces.map((i) => i.name)])
      out.push(["net", "ipv6", "conf", d, "disable_ipv6"]);
    out.sort(comparePaths);
    return out;
  }
  /** Whether the path (components) names a directory of the sysctl tree. */
  sysctlIsDir(parts) {
    return this.sysctlPaths().some((p) => p.length > parts.length && parts.every((c, n) => p[n] === c));
  }
  confTarget(parts) {
    if (parts.length !== 5 || parts[0] !== "net" || parts[2] !== "conf") return void 0;
    const v6 = parts[1] === "ipv6";
    if (!v6 && parts[1] !== "ipv4") return void 0;
    const key = parts[4];
    if (v6 ? key !== "disable_ipv6" : !IPV4_CONF_KEYS.has(key)) return void 0;
    const d = parts[3];
    if (d === "all" || d === "default") return { scope: d, key, v6 };
    const i = this.iface(d);
    if (!i || !v6 && !i.inet) return void 0;
    return { scope: i, key, v6 };
  }
  /** The value a read of the sysctl prints, or undefined when there is no such file. */
  sysctlRead(parts) {
    const name = parts.join(".");
    if (name === "net.ipv4.ip_forward") return String(this.confAll.forwarding);
    const k = GLOBAL_KIND.get(name);
    if (k) return formatConf(k, this.sys.get(name));
    const t = this.confTarget(parts);
    if (!t) return void 0;
    if (t.v6) return String(t.scope === "all" ? this.v6All : t.scope === "default" ? this.v6Dflt : t.scope.disableIpv6);
    const rec = t.scope === "all" ? this.confAll : t.scope === "default" ? this.confDflt : t.scope.conf;
    return String(rec[t.key] ?? 0);
  }
  /** The handler of a sysctl file, or undefined when there is none. */
  sysctlKind(parts) {
    const name = parts.join(".");
    if (name === "net.ipv4.ip_forward") return { k: "int" };
    const k = GLOBAL_KIND.get(name);
    if (k) return k;
    const t = this.confTarget(parts);
    if (!t) return void 0;
    if (!t.v6 && IPV4_CONF_KEYS.get(t.key).ro) return { k: "ro" };
    return { k: "int" };
  }
  /**
   * A write to the sysctl, with the kernel's side effects. "EINVAL" when the
   * value does not parse or is out of range, "ENOENT" when there is no such file.
   */
  sysctlWrite(parts, text) {
    const kind = this.sysctlKind(parts);
    if (!kind) return "ENOENT";
    const name = parts.join(".");
    const v = parseConfWrite(kind, text);
    const t = this.confTarget(parts);
    if (v === void 0) {
      if (t && !t.v6 && t.scope !== "all" && IPV4_CONF_KEYS.get(t.key).propagate) this.markSet(t.scope, t.key);
      return "EINVAL";
    }
    this.gen++;
    if (name === "net.ipv4.ip_forward") {
      this.writeForwarding("all", v);
      return "ok";
    }
    if (GLOBAL_KIND.has(name)) {
      this.sys.set(name, v);
      return "ok";
    }
    if (!t) return "ENOENT";
    if (t.v6) {
      if (t.scope === "all") {
        this.v6All = v;
        this.v6Dflt = v;
        for (const i of this.ifaces) i.disableIpv6 = v;
      } else if (t.scope === "default") this.v6Dflt = v;
      else t.scope.disableIpv6 = v;
      return "ok";
    }
    if (t.key === "forwarding") {
      this.writeForwarding(t.scope, v);
      return "ok";
    }
    const def = IPV4_CONF_KEYS.get(t.key);
    if (t.scope === "all") this.confAll[t.key] = v;
    else if (t.scope === "default") {
      this.confDflt[t.key] = v;
      if (def.propagate) {
        this.markSet("default", t.key);
        for (const i of this.ifaces) if (i.inet && !i.confSet.includes(t.key)) i.conf[t.key] = v;
      }
    } else {
      t.scope.conf[t.key] = v;
      if (def.propagate) this.markSet(t.scope, t.key);
    }
    return "ok";
  }
  markSet(scope, key) {
    const set = scope === "default" ? this.confDfltSet : scope.confSet;
    if (!set.includes(key)) set.push(key);
  }
  /** devinet_sysctl_forward(): all.forwarding (= ip_forward) drives default and every device. */
  writeForwarding(scope, v) {
    if (scope === "default") {
      this.confDflt.forwarding = v;
      return;
    }
    if (scope !== "all") {
      scope.conf.forwarding = v;
      return;
    }
    const old = this.confAll.forwarding;
    this.confAll.forwarding = v;
    if (old === v) return;
    this.confAll.accept_redirects = v ? 0 : 1;
    this.confDflt.forwarding = v;
    for (const i of this.ifaces) {
      if (!i.inet) continue;
      i.conf.forwarding = v;
      if (!i.confSet.includes("forwarding")) i.confSet.push("forwarding");
    }
  }
  // ------------------------------------------------ compatibility for the packet path
  sysctlInt(name) {
    const v = this.sysctlRead(name.split("."));
    return v === void 0 ? 0 : Number.parseInt(v, 10);
  }
  /** A per-interface sysctl combined with conf.all the way the kernel does for the key. */
  confInt(dev, key, combine = "max") {
    const i = this.iface(dev);
    const own = i ? this.confOf(i, key) : this.confDflt[key] ?? 0;
    const all = this.confAll[key] ?? 0;
    if (combine === "and") return all && own ? 1 : 0;
    if (combine === "or") return all || own ? 1 : 0;
    return Math.max(all, own);
  }
  /** Output route lookup for the packet path. */
  lookup(dst) {
    const r = this.routeOutput({ dst });
    if ("errno" in r) {
      const fib = this.fibLookup({ dst });
      if (fib && TYPE_ERROR[fib.type] && fib.type !== RTN_THROW)
        return { type: TYPE_NAME[fib.type], route: fib, dev: "", gateway: 0, src: 0 };
      return void 0;
    }
    return {
      type: TYPE_NAME[r.type] ?? "unicast",
      route: r.fib,
      dev: this.nameOf(r.oif),
      gateway: r.gateway,
      src: r.src
    };
  }
  /** Preferred source address on `dev` for reaching `dst`. */
  sourceFor(dev, dst) {
    return this.selectAddr(this.iface(dev), dst, RT_SCOPE_UNIVERSE);
  }
  isLocal(addr2) {
    return this.ifaces.some((i) => i.addrs.some((a) => a.addr === addr2)) || isLoopbackAddr(addr2);
  }
  /** RTN_* class of an address for addrtype; `dev` limits to routes via that device. */
  addrType(addr2, dev) {
    const d = dev ? this.iface(dev) : void 0;
    if (dev && !d) return RTN_UNICAST;
    return this.addrTypeDev(addr2, d);
  }
  // -------------------------------------------------------------------- state
  toJSON() {
    return {
      ifaces: this.ifaces,
      tables: [...this.tables.values()],
      sys: [...this.sys],
      confAll: this.confAll,
      confDflt: this.confDflt,
      confDfltSet: this.confDfltSet,
      v6All: this.v6All,
      v6Dflt: this.v6Dflt,
      nextIndex: this.nextIndex,
      tableSeq: this.tableSeq,
      customLocalRoutes: this.customLocalRoutes,
      rng: this.rng.state()
    };
  }
  static fromJSON(data) {
    const d = data;
    const n = new _NetConfig();
    const j = d;
    n.ifaces = j.ifaces;
    n.tables = new Map(j.tables.map((t) => [t.id, t]));
    n.sys = new Map(j.sys);
    for (const [name, , v] of GLOBAL_SYSCTLS) if (!n.sys.has(name)) n.sys.set(name, v);
    n.confAll = { ...n.confAll, ...j.confAll };
    n.confDflt = { ...n.confDflt, ...j.confDflt };
    n.confDfltSet = j.confDfltSet;
    n.v6All = j.v6All;
    n.v6Dflt = j.v6Dflt;
    n.nextIndex = j.nextIndex;
    n.tableSeq = j.tableSeq;
    n.customLocalRoutes = j.customLocalRoutes;
    n.rng = Rng.fromState(j.rng);
    n.gen = 0;
    return n;
  }
};
function sameRoute(a, b) {
  return a.type === b.type && a.proto === b.proto && a.scope === b.scope && a.prefsrc === b.prefsrc && a.metric === b.metric && a.gateway === b.gateway && a.oif === b.oif && a.onlink === b.onlink;
}
function routeKey(r) {
  return `${r.table}|${r.type}|${r.dst}|${r.plen}|${r.oif}|${r.prefsrc}`;
}
function comparePaths(a, b) {
  for (let n = 0; n < Math.min(a.length, b.length); n++) {
    if (a[n] !== b[n]) return a[n] < b[n] ? -1 : 1;
  }
  return a.length - b.length;
}
function validEther(m) {
  if (m === 0) return false;
  return (Math.floor(m / 2 ** 40) & 1) === 0;
}
function inSubnetOnlink(dev, a, b) {
  return dev.addrs.some((x) => inSubnet(a, x.peer, x.plen) && (!b || inSubnet(b, x.peer, x.plen)));
}

// src/compat/ip/util.ts
var IpExit = class extends Error {
  constructor(status) {
    super(`exit ${status}`);
    this.status = status;
  }
  status;
};
function matches7(prefix, word) {
  return prefix.length > 0 && word.startsWith(prefix);
}
var Args = class {
  constructor(argv, out) {
    this.argv = argv;
    this.out = out;
  }
  argv;
  out;
  i = 0;
  get more() {
    return this.i < this.argv.length;
  }
  get cur() {
    return this.argv[this.i];
  }
  get rest() {
    return this.argv.length - this.i;
  }
  /** NEXT_ARG(): the next word, or "Command line is not complete". */
  next() {
    this.i++;
    if (this.i >= this.argv.length) incompleteCommand(this.out);
    return this.argv[this.i];
  }
  advance() {
    this.i++;
  }
};
function fail(out, text, status) {
  out.stderr += text;
  throw new IpExit(status);
}
function incompleteCommand(out) {
  fail(out, 'Command line is not complete. Try option "help"\n', 255);
}
function invarg(out, msg, arg) {
  fail(out, `Error: argument "${arg}" is wrong: ${msg}
`, 255);
}
function duparg(out, key, arg) {
  fail(out, `Error: duplicate "${key}": "${arg}" is the second value.
`, 255);
}
function duparg2(out, key, arg) {
  fail(out, `Error: either "${key}" is duplicate, or "${arg}" is a garbage.
`, 255);
}
function kernelError(out, e) {
  if (e.extack !== void 0) out.stderr += `Error: ${e.extack}${e.extack.endsWith(".") ? "" : "."}
`;
  else out.stderr += `RTNETLINK answers: ${STRERROR2[e.errno]}
`;
  throw new IpExit(2);
}
function unsupported(out, what) {
  fail(out, `iptwin: ip: ${what} is not supported by the twin
`, 2);
}
function strtoulWhole(arg, base) {
  if (!arg) return void 0;
  const r = cStrtoumax(arg, 0, base);
  if (r.end === 0 || r.end !== arg.length) return void 0;
  if (r.overflow) return void 0;
  return r.big;
}
function getU32(arg, base = 0) {
  const v = strtoulWhole(arg, base);
  if (v === void 0 || v > 0xffffffffn) return void 0;
  return Number(v);
}
var getUnsigned = getU32;
function getInteger(arg, base = 0) {
  if (!arg) return void 0;
  const r = cStrtoumax(arg, 0, base);
  if (r.end === 0 || r.end !== arg.length) return void 0;
  let v;
  if (r.negative) {
    const mag = r.big === 0n ? 0n : 0xffffffffffffffffn + 1n - r.big & 0xffffffffffffffffn;
    if (r.overflow || mag > 0x8000000000000000n) return void 0;
    v = -mag;
  } else {
    if (r.overflow || r.big > 0x7fffffffffffffffn) return void 0;
    v = r.big;
  }
  if (v < -0x80000000n || v > 0x7fffffffn) return void 0;
  return Number(v);
}
function getAddrIPv4(s) {
  const b = [0, 0, 0, 0];
  let p = 0;
  for (let i = 0; i < 4; i++) {
    const r = cStrtoumax(s, p, 0);
    if (r.end === p) return void 0;
    if (r.overflow || r.big > 255n) return void 0;
    b[i] = Number(r.big);
    if (r.end === s.length) break;
    if (i === 3 || s[r.end] !== ".") return void 0;
    p = r.end + 1;
  }
  return (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) >>> 0;
}
var AF_UNSPEC = 0;
var AF_INET = 2;
var AF_INET6 = 10;
var AF_PACKET = 17;
var AF_BRIDGE = 7;
var AF_MPLS = 28;
function getAddr1(name, family) {
  if (name === "default") {
    if (family === AF_MPLS) return void 0;
    return {
      family,
      addr: 0,
      bitlen: -2,
      prefixSpecified: true,
      isDefault: true,
      bytelen: family === AF_INET6 ? 16 : family === AF_INET ? 4 : 0
    };
  }
  if (name === "all" || name === "any") {
    if (family === AF_MPLS) return void 0;
    return { family, addr: 0, bitlen: -2, prefixSpecified: false, isDefault: true, bytelen: 0 };
  }
  if (family === AF_PACKET) return void 0;
  if (name.includes(":")) {
    if (family !== AF_UNSPEC && family !== AF_INET6) return void 0;
    if (!validIPv6(name)) return void 0;
    return { family: AF_INET6, addr: 0, bitlen: -1, prefixSpecified: false, isDefault: false, bytelen: 16 };
  }
  if (family !== AF_UNSPEC && family !== AF_INET) return void 0;
  const a = getAddrIPv4(name);
  if (a === void 0) return void 0;
  return { family: AF_INET, addr: a, bitlen: -1, prefixSpecified: false, isDefault: false, bytelen: 4 };
}
function validIPv6(s) {
  let body2 = s;
  const lastColon = s.lastIndexOf(":");
  let groupsNeeded = 8;
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (getAddrIPv4(tail) === void 0 || tail.split(".").length !== 4 || !/^\d+(\.\d+){3}$/.test(tail)) return false;
    body2 = s.slice(0, lastColon + 1) + (s[lastColon - 1] === ":" ? "" : "0");
    groupsNeeded = 6;
    if (body2.endsWith(":") && !body2.endsWith("::")) body2 = body2.slice(0, -1);
  }
  const dbl = body2.split("::");
  if (dbl.length > 2) return false;
  const parts = (x) => x === "" ? [] : x.split(":");
  const left = parts(dbl[0]);
  const right = dbl.length === 2 ? parts(dbl[1]) : [];
  for (const g of [...left, ...right]) if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
  const n = left.length + right.length;
  return dbl.length === 2 ? n < groupsNeeded : n === groupsNeeded;
}
function familyName2(f) {
  switch (f) {
    case AF_INET:
      return "inet";
    case AF_INET6:
      return "inet6";
    case AF_PACKET:
      return "link";
    case AF_MPLS:
      return "mpls";
    case AF_BRIDGE:
      return "bridge";
    default:
      return "???";
  }
}
function familyNameVerbose(f) {
  return f === AF_UNSPEC ? "any valid" : familyName2(f);
}
function readFamily(name) {
  switch (name) {
    case "inet":
      return AF_INET;
    case "inet6":
      return AF_INET6;
    case "link":
      return AF_PACKET;
    case "ipx":
      return 4;
    case "dnet":
      return 12;
    case "mpls":
      return AF_MPLS;
    case "bridge":
      return AF_BRIDGE;
    default:
      return AF_UNSPEC;
  }
}
function getNetmask(s) {
  const u = getUnsigned(s);
  if (u !== void 0) return u;
  const m = getAddr1(s, AF_INET);
  if (m && m.family === AF_INET) {
    const host = ~m.addr >>> 0;
    if ((host & host + 1) >>> 0 !== 0) return void 0;
    let bits = 0;
    for (let x = m.addr >>> 0; x; x = x << 1 >>> 0) bits++;
    return bits;
  }
  return void 0;
}
function getPrefix1(arg, family) {
  const slash = arg.indexOf("/");
  const p = getAddr1(slash >= 0 ? arg.slice(0, slash) : arg, family);
  if (!p) return void 0;
  const maxbits = p.family === AF_INET ? 32 : p.family === AF_INET6 ? 128 : 0;
  if (slash >= 0) {
    if (p.bitlen === -2) return void 0;
    const plen = getNetmask(arg.slice(slash + 1));
    if (plen === void 0 || plen > maxbits) return void 0;
    p.prefixSpecified = true;
    p.bitlen = plen;
  } else {
    p.bitlen = p.bitlen === -2 ? 0 : maxbits;
  }
  return p;
}
function getPrefix(out, arg, family) {
  if (family === AF_PACKET)
    fail(out, `Error: "${arg}" may be inet prefix, but it is not allowed in this context.
`, 1);
  const p = getPrefix1(arg, family);
  if (!p) fail(out, `Error: ${familyNameVerbose(family)} prefix is expected rather than "${arg}".
`, 1);
  return p;
}
function getAddr(out, arg, family) {
  const p = getAddr1(arg, family);
  if (!p) fail(out, `Error: ${familyNameVerbose(family)} address is expected rather than "${arg}".
`, 1);
  if (p.bitlen === -1) p.bitlen = p.family === AF_INET ? 32 : 128;
  return p;
}
function checkIfname(name) {
  if (name.length >= 16) return false;
  return checkAltIfname(name);
}
function checkAltIfname(name) {
  if (name === "") return false;
  return !/[/\s]/.test(name);
}
function llAddrA2n(out, arg) {
  if (arg.includes(".")) {
    const p = getAddr1(arg, AF_INET);
    if (!p) {
      out.stderr += `"${arg}" is invalid lladdr.
`;
      return void 0;
    }
    return { bytes: [p.addr >>> 24, p.addr >>> 16 & 255, p.addr >>> 8 & 255, p.addr & 255] };
  }
  const bytes = [];
  let rest = arg;
  for (let i = 0; i < 32; i++) {
    const colon = rest.indexOf(":");
    const part = colon >= 0 ? rest.slice(0, colon) : rest;
    const m = /^\s*([+-]?)(0[xX])?([0-9a-fA-F]+)/.exec(part);
    if (!m) {
      out.stderr += `"${part}" is invalid lladdr.
`;
      return void 0;
    }
    let v = Number.parseInt(m[3].slice(-9), 16);
    if (m[3].length > 8) v = -1;
    if (m[1] === "-") v = -v;
    if (v < 0 || v > 255) {
      out.stderr += `"${part}" is invalid lladdr.
`;
      return void 0;
    }
    bytes.push(v);
    if (colon < 0) break;
    rest = rest.slice(colon + 1);
  }
  return { bytes };
}
function bytesToMac(b) {
  let m = 0;
  for (const x of b.slice(0, 6)) m = m * 256 + x;
  return m;
}
function macToText(m, len = 6) {
  const parts = [];
  for (let i = len - 1; i >= 0; i--) parts.push((Math.floor(m / 2 ** (8 * i)) % 256).toString(16).padStart(2, "0"));
  return parts.join(":");
}
var RT_SCOPES = [
  [0, "global"],
  [255, "nowhere"],
  [254, "host"],
  [253, "link"],
  [200, "site"]
];
function scopeN2a(id) {
  return RT_SCOPES.find(([n]) => n === id)?.[1] ?? String(id);
}
function numA2n(arg, max) {
  const r = cStrtoumax(arg, 0, 0);
  if (!arg || r.end === 0 || r.end !== arg.length || r.big > BigInt(max)) return void 0;
  return Number(r.big);
}
function scopeA2n(arg) {
  for (const [n, s] of RT_SCOPES) if (s === arg) return n;
  return numA2n(arg, 255);
}
var RT_PROTOS = [
  [0, "unspec"],
  [1, "redirect"],
  [2, "kernel"],
  [3, "boot"],
  [4, "static"],
  [8, "gated"],
  [9, "ra"],
  [10, "mrt"],
  [11, "zebra"],
  [12, "bird"],
  [13, "dnrouted"],
  [14, "xorp"],
  [15, "ntk"],
  [16, "dhcp"],
  [18, "keepalived"],
  [42, "babel"],
  [99, "openr"],
  [186, "bgp"],
  [187, "isis"],
  [188, "ospf"],
  [189, "rip"],
  [192, "eigrp"]
];
function protoN2a(id) {
  return RT_PROTOS.find(([n]) => n === id)?.[1] ?? String(id);
}
function protoA2n(arg) {
  for (const [n, s] of RT_PROTOS) if (s === arg) return n;
  return numA2n(arg, 255);
}
var RT_TABLES = [
  [255, "local"],
  [254, "main"],
  [253, "default"],
  [0, "unspec"]
];
function tableN2a(id) {
  return RT_TABLES.find(([n]) => n === id)?.[1] ?? String(id);
}
function tableA2n(arg) {
  for (const [n, s] of RT_TABLES) if (s === arg) return n;
  return numA2n(arg, 4294967295);
}
var RTN_A2N = [
  ["local", 2],
  ["nat", 10],
  ["broadcast", 3],
  ["brd", 3],
  ["anycast", 4],
  ["multicast", 5],
  ["prohibit", 8],
  ["unreachable", 7],
  ["blackhole", 6],
  ["xresolve", 11],
  ["unicast", 1],
  ["throw", 9]
];
function rtntypeA2n(arg) {
  for (const [s, n] of RTN_A2N) if (s === arg) return n;
  const r = cStrtoumax(arg, 0, 0);
  if (!arg || r.end === 0 || r.end !== arg.length || r.big > 255n) return void 0;
  return Number(r.big);
}
var RTN_N2A = [
  "unspec",
  "unicast",
  "local",
  "broadcast",
  "anycast",
  "multicast",
  "blackhole",
  "unreachable",
  "prohibit",
  "throw",
  "nat",
  "xresolve"
];
function rtntypeN2a(t) {
  return RTN_N2A[t] ?? String(t);
}
function groupN2a(id) {
  return id === 0 ? "default" : String(id);
}
function groupA2n(arg) {
  if (arg === "default") return 0;
  const v = getInteger(arg);
  if (v === void 0 || v < 0) return void 0;
  return v;
}

// src/compat/ip/link.ts
var IPLINK_USAGE = "Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n		    [ txqueuelen PACKETS ]\n		    [ address LLADDR ]\n		    [ broadcast LLADDR ]\n		    [ mtu MTU ] [index IDX ]\n		    [ numtxqueues QUEUE_COUNT ]\n		    [ numrxqueues QUEUE_COUNT ]\n		    [ netns { PID | NAME } ]\n		    type TYPE [ ARGS ]\n\n	ip link delete { DEVICE | dev DEVICE | group DEVGROUP } type TYPE [ ARGS ]\n\n	ip link set { DEVICE | dev DEVICE | group DEVGROUP }\n			[ { up | down } ]\n			[ type TYPE ARGS ]\n		[ arp { on | off } ]\n		[ dynamic { on | off } ]\n		[ multicast { on | off } ]\n		[ allmulticast { on | off } ]\n		[ promisc { on | off } ]\n		[ trailers { on | off } ]\n		[ carrier { on | off } ]\n		[ txqueuelen PACKETS ]\n		[ name NEWNAME ]\n		[ address LLADDR ]\n		[ broadcast LLADDR ]\n		[ mtu MTU ]\n		[ netns { PID | NAME } ]\n		[ link-netns NAME | link-netnsid ID ]\n		[ alias NAME ]\n		[ vf NUM [ mac LLADDR ]\n			 [ vlan VLANID [ qos VLAN-QOS ] [ proto VLAN-PROTO ] ]\n			 [ rate TXRATE ]\n			 [ max_tx_rate TXRATE ]\n			 [ min_tx_rate TXRATE ]\n			 [ spoofchk { on | off} ]\n			 [ query_rss { on | off} ]\n			 [ state { auto | enable | disable} ]\n			 [ trust { on | off} ]\n			 [ node_guid EUI64 ]\n			 [ port_guid EUI64 ] ]\n		[ { xdp | xdpgeneric | xdpdrv | xdpoffload } { off |\n			  object FILE [ { section | program } NAME ] [ verbose ] |\n			  pinned FILE } ]\n		[ master DEVICE ][ vrf NAME ]\n		[ nomaster ]\n		[ addrgenmode { eui64 | none | stable_secret | random } ]\n		[ protodown { on | off } ]\n		[ protodown_reason PREASON { on | off } ]\n		[ gso_max_size BYTES ] | [ gso_max_segs PACKETS ]\n		[ gro_max_size BYTES ]\n\n	ip link show [ DEVICE | group GROUP ] [up] [master DEV] [vrf NAME] [type TYPE]\n		[nomaster]\n\n	ip link xstats type TYPE [ ARGS ]\n\n	ip link afstats [ dev DEVICE ]\n	ip link property add dev DEVICE [ altname NAME .. ]\n	ip link property del dev DEVICE [ altname NAME .. ]\n\n	ip link help [ TYPE ]\n\nTYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |\n          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |\n          ip6erspan | ip6gre | ip6gretap | ip6tnl |\n          ipip | ipoib | ipvlan | ipvtap |\n          macsec | macvlan | macvtap |\n          netdevsim | nlmon | rmnet | sit | team | team_slave |\n          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |\n          xfrm | virt_wifi }\n";
var BRIDGE_EXPLAIN = "Usage: ... bridge [ fdb_flush ]\n		  [ forward_delay FORWARD_DELAY ]\n		  [ hello_time HELLO_TIME ]\n		  [ max_age MAX_AGE ]\n		  [ ageing_time AGEING_TIME ]\n		  [ stp_state STP_STATE ]\n		  [ priority PRIORITY ]\n		  [ group_fwd_mask MASK ]\n		  [ group_address ADDRESS ]\n		  [ no_linklocal_learn NO_LINKLOCAL_LEARN ]\n		  [ vlan_filtering VLAN_FILTERING ]\n		  [ vlan_protocol VLAN_PROTOCOL ]\n		  [ vlan_default_pvid VLAN_DEFAULT_PVID ]\n		  [ vlan_stats_enabled VLAN_STATS_ENABLED ]\n		  [ vlan_stats_per_port VLAN_STATS_PER_PORT ]\n		  [ mcast_snooping MULTICAST_SNOOPING ]\n		  [ mcast_vlan_snooping MULTICAST_VLAN_SNOOPING ]\n		  [ mcast_router MULTICAST_ROUTER ]\n		  [ mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR ]\n		  [ mcast_querier MULTICAST_QUERIER ]\n		  [ mcast_hash_elasticity HASH_ELASTICITY ]\n		  [ mcast_hash_max HASH_MAX ]\n		  [ mcast_last_member_count LAST_MEMBER_COUNT ]\n		  [ mcast_startup_query_count STARTUP_QUERY_COUNT ]\n		  [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]\n		  [ mcast_membership_interval MEMBERSHIP_INTERVAL ]\n		  [ mcast_querier_interval QUERIER_INTERVAL ]\n		  [ mcast_query_interval QUERY_INTERVAL ]\n		  [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]\n		  [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]\n		  [ mcast_stats_enabled MCAST_STATS_ENABLED ]\n		  [ mcast_igmp_version IGMP_VERSION ]\n		  [ mcast_mld_version MLD_VERSION ]\n		  [ nf_call_iptables NF_CALL_IPTABLES ]\n		  [ nf_call_ip6tables NF_CALL_IP6TABLES ]\n		  [ nf_call_arptables NF_CALL_ARPTABLES ]\n\nWhere: VLAN_PROTOCOL := { 802.1Q | 802.1ad }\n";
var BRIDGE_OPTS = [
  "forward_delay",
  "hello_time",
  "max_age",
  "ageing_time",
  "stp_state",
  "priority",
  "vlan_filtering",
  "vlan_protocol",
  "group_fwd_mask",
  "group_address",
  "no_linklocal_learn",
  "fdb_flush",
  "vlan_default_pvid",
  "vlan_stats_enabled",
  "vlan_stats_per_port",
  "mcast_router",
  "mcast_snooping",
  "mcast_vlan_snooping",
  "mcast_query_use_ifaddr",
  "mcast_querier",
  "mcast_hash_elasticity",
  "mcast_hash_max",
  "mcast_last_member_count",
  "mcast_startup_query_count",
  "mcast_last_member_interval",
  "mcast_membership_interval",
  "mcast_querier_interval",
  "mcast_query_interval",
  "mcast_query_response_interval",
  "mcast_startup_query_interval",
  "mcast_stats_enabled",
  "mcast_igmp_version",
  "mcast_mld_version",
  "nf_call_iptables",
  "nf_call_ip6tables",
  "nf_call_arptables"
];
var KINDS = { veth: "veth", bridge: "bridge", dummy: "dummy" };
var IPROUTE_TYPES = /* @__PURE__ */ new Set([
  "amt",
  "bareudp",
  "bond",
  "bond_slave",
  "bridge",
  "bridge_slave",
  "can",
  "dsa",
  "dummy",
  "erspan",
  "geneve",
  "gre",
  "gretap",
  "gtp",
  "hsr",
  "ifb",
  "ip6erspan",
  "ip6gre",
  "ip6gretap",
  "ip6tnl",
  "ipip",
  "ipoib",
  "ipvlan",
  "ipvtap",
  "macsec",
  "macvlan",
  "macvtap",
  "netdevsim",
  "nlmon",
  "rmnet",
  "sit",
  "team",
  "team_slave",
  "vcan",
  "veth",
  "virt_wifi",
  "vlan",
  "vrf",
  "vti",
  "vti6",
  "vxcan",
  "vxlan",
  "wwan",
  "xfrm"
]);
function flagsText4(flags, mdown) {
  return `<${flags.join(",")}${mdown ? ",M-DOWN" : ""}> `;
}
function nameAndLink(net, i) {
  if (i.kind !== "veth" || !i.peer) return { name: i.name, mdown: false };
  const p = net.ifaceByIndex(i.peer);
  return { name: `${i.name}@${p ? p.name : `if${i.peer}`}`, mdown: !p?.up };
}
function emptyLinkFilter() {
  return { ifindex: 0, up: false, group: -1, master: 0 };
}
function linkPasses(i, f) {
  if (f.ifindex && i.index !== f.ifindex) return false;
  if (f.up && !i.up) return false;
  if (f.group !== -1 && i.group !== f.group) return false;
  if (f.master === -1 && i.master) return false;
  if (f.master > 0 && i.master !== f.master) return false;
  if (f.kind !== void 0 && (i.kind === "loopback" || i.kind !== f.kind)) return false;
  if (f.slaveKind !== void 0 && (!i.master || f.slaveKind !== "bridge")) return false;
  return true;
}
function printLink(ctx, i, f, family, doLink) {
  const { net, out } = ctx;
  if (!linkPasses(i, f)) return -1;
  if (f.label !== void 0) return 0;
  const nl = ctx.oneline ? "\\" : "\n";
  const { name, mdown } = nameAndLink(net, i);
  const flags = net.linkFlags(i);
  const state = net.operstate(i);
  if (ctx.brief) {
    let s2 = `${name.padEnd(16)} ${state.padEnd(14)} `;
    if (family === AF_PACKET) s2 += `${macToText(i.mac)} ${flagsText4(flags, mdown)}
`;
    out.stdout += s2;
    return 0;
  }
  let s = `${i.index}: ${name}: ${flagsText4(flags, mdown)}mtu ${i.mtu} qdisc ${i.up || i.everUp ? "noqueue" : "noop"} `;
  if (i.master) s += `master ${net.nameOf(i.master)} `;
  s += `state ${state} `;
  if (doLink) s += "mode DEFAULT ";
  s += `group ${groupN2a(i.group)} `;
  if (i.txqlen) s += `qlen ${i.txqlen}`;
  if (!family || family === AF_PACKET) {
    if (i.kind === "loopback") s += `${nl}    link/loopback ${macToText(i.mac)} brd ${macToText(0)}`;
    else s += `${nl}    link/ether ${macToText(i.mac)} brd ff:ff:ff:ff:ff:ff`;
  }
  if (doLink && i.alias) s += `${nl}    alias ${i.alias}`;
  out.stdout += `${s}
`;
  return 1;
}
function iplinkParse(ctx, a, req, create) {
  const { out, net } = ctx;
  let name;
  let dev;
  let qlen = -1;
  let mtu = -1;
  let group = -1;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "up") req.up = true;
    else if (w === "down") req.up = false;
    else if (w === "name") {
      const v = a.next();
      if (name !== void 0) duparg(out, "name", v);
      if (!checkIfname(v)) invarg(out, '"name" not a valid ifname', v);
      name = v;
      if (dev === void 0) dev = name;
    } else if (w === "index") {
      a.next();
      unsupported(out, 'the "index" option');
    } else if (matches7(w, "link")) {
      a.next();
      unsupported(out, 'the "link" option');
    } else if (matches7(w, "address")) {
      const v = a.next();
      const ll = llAddrA2n(out, v);
      if (!ll) throw new IpExit(1);
      req.mac = ll;
    } else if (matches7(w, "broadcast") || w === "brd") {
      a.next();
      unsupported(out, 'the "broadcast" option');
    } else if (matches7(w, "txqueuelen") || w === "qlen" || matches7(w, "txqlen")) {
      const v = a.next();
      if (qlen !== -1) duparg(out, "txqueuelen", v);
      const n = getInteger(v);
      if (n === void 0) invarg(out, 'Invalid "txqueuelen" value\n', v);
      qlen = n;
      req.txqlen = n;
    } else if (w === "mtu") {
      const v = a.next();
      if (mtu !== -1) duparg(out, "mtu", v);
      const n = getInteger(v);
      if (n === void 0) invarg(out, 'Invalid "mtu" value\n', v);
      mtu = n;
      req.mtu = n;
    } else if (["xdpgeneric", "xdpdrv", "xdpoffload", "xdp"].includes(w)) {
      a.next();
      unsupported(out, "XDP");
    } else if (w === "netns") {
      a.next();
      unsupported(out, "moving devices between network namespaces");
    } else if (["multicast", "allmulticast", "promisc", "trailers", "arp", "carrier"].includes(w) || matches7(w, "dynamic")) {
      const v = a.next();
      const key = matches7(w, "dynamic") ? "dynamic" : w;
      if (key === "carrier") {
        if (v !== "on" && v !== "off") fail(out, `Error: argument of "carrier" must be "on" or "off", not "${v}"
`, 1);
      } else if (v !== "on" && v !== "off")
        fail(out, `Error: argument of "${key}" must be "on" or "off", not "${v}"
`, 1);
      unsupported(out, `the "${key}" flag`);
    } else if (w === "vf") {
      a.next();
      unsupported(out, "virtual functions");
    } else if (matches7(w, "master")) {
      const v = a.next();
      const m = net.iface(v);
      if (!m) invarg(out, "Device does not exist\n", v);
      req.master = m.index;
    } else if (w === "vrf") {
      const v = a.next();
      invarg(out, "Not a valid VRF name\n", v);
    } else if (matches7(w, "nomaster")) {
      req.master = 0;
    } else if (matches7(w, "type")) {
      req.type = a.next();
      a.advance();
      req.typeArgs = a.i;
      break;
    } else if (matches7(w, "alias")) {
      const v = a.next();
      if (v.length >= 256) invarg(out, "alias too long\n", v);
      req.alias = v;
    } else if (w === "group") {
      const v = a.next();
      if (group !== -1) duparg(out, "group", v);
      const g = groupA2n(v);
      if (g === void 0) invarg(out, 'Invalid "group" value\n', v);
      group = g;
      req.group = g;
    } else if (w === "mode" || w === "state" || matches7(w, "numtxqueues") || matches7(w, "numrxqueues") || matches7(w, "addrgenmode")) {
      a.next();
      unsupported(out, `the "${w}" option`);
    } else if (matches7(w, "link-netns") || matches7(w, "link-netnsid") || w === "protodown" || w === "protodown_reason") {
      a.next();
      unsupported(out, `the "${w}" option`);
    } else if (w === "gso_max_size" || w === "gso_max_segs" || w === "gro_max_size" || w === "parentdev") {
      a.next();
      unsupported(out, `the "${w}" option`);
    } else {
      if (matches7(w, "help")) {
        out.stderr += IPLINK_USAGE;
        throw new IpExit(255);
      }
      let v = w;
      if (w === "dev") v = a.next();
      if (dev !== name) duparg2(out, "dev", v);
      if (!checkAltIfname(v)) invarg(out, '"dev" not a valid ifname', v);
      dev = v;
    }
  }
  if (name === void 0) name = dev;
  else if (dev === void 0) dev = name;
  else if (name === dev) name = dev;
  if (group !== -1 && dev === void 0) {
    if (create) fail(out, "group cannot be used when creating devices.\n", 255);
    unsupported(out, "changing a group of devices");
  }
  if (create) {
    if (name !== dev) fail(out, 'both "name" and "dev" cannot be used when creating devices.\n', 255);
  }
  req.name = name;
  req.dev = dev;
}
function specOf(req) {
  const s = {};
  if (req.name !== void 0) s.name = req.name;
  if (req.mac) {
    s.mac = bytesToMac(req.mac.bytes);
    s.macLen = req.mac.bytes.length;
  }
  if (req.mtu !== void 0) s.mtu = req.mtu;
  if (req.up !== void 0) s.up = req.up;
  if (req.txqlen !== void 0) s.txqlen = req.txqlen;
  if (req.group !== void 0) s.group = req.group;
  if (req.master) s.master = req.master;
  if (req.alias !== void 0) s.alias = req.alias;
  return s;
}
function bridgeOpts(ctx, a) {
  const { out } = ctx;
  const seen = [];
  for (; a.more; a.advance()) {
    const w = a.cur;
    const known = BRIDGE_OPTS.find((o) => matches7(w, o));
    if (known) {
      if (known !== "fdb_flush") a.next();
      seen.push(known);
      continue;
    }
    if (matches7(w, "help")) {
      out.stderr += BRIDGE_EXPLAIN;
      throw new IpExit(1);
    }
    out.stderr += `bridge: unknown command "${w}"?
${BRIDGE_EXPLAIN}`;
    throw new IpExit(1);
  }
  return seen;
}
function iplinkModify(ctx, a, cmd) {
  const { out, net } = ctx;
  const create = cmd === "add";
  const req = {};
  iplinkParse(ctx, a, req, create);
  if (!create) {
    if (req.dev === void 0) fail(out, 'Not enough information: "dev" argument is required.\n', 255);
  }
  let target;
  if (!create) {
    target = net.iface(req.dev);
    if (target && req.mac && req.mac.bytes.length !== 6) {
      out.stderr += `Invalid address length ${req.mac.bytes.length} - must be 6 bytes
`;
      return 1;
    }
    if (!target) {
      out.stderr += `Cannot find device "${req.dev}"
`;
      return 1;
    }
  }
  let peerReq;
  let bridgeOptions = [];
  if (req.type !== void 0) {
    const type = req.type;
    const t = new Args(a.argv, out);
    t.i = req.typeArgs;
    if (type === "veth") {
      if (t.more) {
        if (t.cur !== "peer") {
          out.stdout += "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n";
          return 1;
        }
        t.advance();
        peerReq = {};
        iplinkParse(ctx, t, peerReq, create);
        if (peerReq.type !== void 0) duparg(out, "type", peerReq.type);
      }
    } else if (type === "bridge") {
      bridgeOptions = bridgeOpts(ctx, t);
    } else if (type === "dummy") {
    } else if (!IPROUTE_TYPES.has(type) && t.more) {
      if (matches7(t.cur, "help")) {
        out.stderr += IPLINK_USAGE;
        throw new IpExit(255);
      }
      out.stderr += `Garbage instead of arguments "${t.cur} ...". Try "ip link help".
`;
      return 1;
    }
    if (!create && cmd === "set") unsupported(out, `changing "${type}" options`);
    if (create && !KINDS[type]) kernelError(out, { errno: "EOPNOTSUPP", extack: "Unknown device type" });
  } else if (create) {
    out.stderr += 'Not enough information: "type" argument is required\n';
    return 1;
  }
  if (cmd === "add") {
    if (bridgeOptions.length) {
      if (req.name !== void 0 && net.iface(req.name)) kernelError(out, { errno: "EEXIST" });
      unsupported(out, `the bridge option "${bridgeOptions[0]}"`);
    }
    const e = net.addLink(KINDS[req.type], specOf(req), peerReq ? specOf(peerReq) : void 0);
    if (e) kernelError(out, e);
    return 0;
  }
  const dev = target;
  if (cmd === "del") {
    const e = net.deleteLink(dev);
    if (e) kernelError(out, e);
    return 0;
  }
  if (req.mac) {
    const e = net.setMac(dev, bytesToMac(req.mac.bytes));
    if (e) kernelError(out, e);
  }
  if (req.mtu !== void 0) {
    const e = net.setMtu(dev, req.mtu);
    if (e) kernelError(out, e);
  }
  if (req.group !== void 0) dev.group = req.group;
  if (req.name !== void 0 && req.name !== req.dev) {
    const e = net.rename(dev, req.name);
    if (e) kernelError(out, e);
  }
  if (req.alias !== void 0) dev.alias = req.alias;
  if (req.master !== void 0) {
    const e = net.setMaster(dev, req.master);
    if (e) kernelError(out, e);
  }
  if (req.up !== void 0) {
    const e = net.setUp(dev, req.up);
    if (e) kernelError(out, e);
  }
  if (req.txqlen !== void 0) {
    if (req.txqlen < 0) kernelError(out, { errno: "EINVAL" });
    dev.txqlen = req.txqlen;
  }
  net.gen++;
  return 0;
}
function doIplink(ctx, a, showList) {
  const { out } = ctx;
  if (!a.more) return showList(ctx, a);
  const w = a.cur;
  if (matches7(w, "add")) {
    a.advance();
    return iplinkModify(ctx, a, "add");
  }
  if (matches7(w, "set") || matches7(w, "change")) {
    a.advance();
    return iplinkModify(ctx, a, "set");
  }
  if (matches7(w, "replace")) {
    a.advance();
    unsupported(out, '"ip link replace"');
  }
  if (matches7(w, "delete")) {
    a.advance();
    return iplinkModify(ctx, a, "del");
  }
  if (matches7(w, "show") || matches7(w, "lst") || matches7(w, "list")) {
    a.advance();
    return showList(ctx, a);
  }
  if (matches7(w, "xstats") || matches7(w, "afstats") || matches7(w, "property")) unsupported(out, `"ip link ${w}"`);
  if (matches7(w, "help")) {
    a.advance();
    const type = a.more ? a.cur : void 0;
    if (type === "veth") {
      out.stdout += "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n";
      return 0;
    }
    if (type === "bridge") {
      out.stdout += BRIDGE_EXPLAIN;
      return 0;
    }
    if (type === "dummy") {
      out.stdout += "Usage: ... dummy\n";
      return 0;
    }
    out.stderr += IPLINK_USAGE;
    throw new IpExit(255);
  }
  fail(out, `Command "${w}" is unknown, try "ip link help".
`, 255);
}

// src/compat/ip/addr.ts
var IPADDR_USAGE = "Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n                                                      [ CONFFLAG-LIST ]\n       ip address del IFADDR dev IFNAME [mngtmpaddr]\n       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]\n                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]\n       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]\n                         [ nomaster ]\n                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]\n                         [ label LABEL ] [up] [ vrf NAME ] ]\n       ip address {showdump|restore}\nIFADDR := PREFIX | ADDR peer PREFIX\n          [ broadcast ADDR ] [ anycast ADDR ]\n          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]\nSCOPE-ID := [ host | link | global | NUMBER ]\nFLAG-LIST := [ FLAG-LIST ] FLAG\nFLAG  := [ permanent | dynamic | secondary | primary |\n           [-]tentative | [-]deprecated | [-]dadfailed | temporary |\n           CONFFLAG-LIST ]\nCONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG\nCONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]\nLIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]\nLFT := forever | SECONDS\nTYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |\n          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |\n          ip6erspan | ip6gre | ip6gretap | ip6tnl |\n          ipip | ipoib | ipvlan | ipvtap |\n          macsec | macvlan | macvtap |\n          netdevsim | nlmon | rmnet | sit | team | team_slave |\n          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |\n          xfrm | virt_wifi }\n";
var IFA_F_SECONDARY = 1;
var IFA_F_NODAD = 2;
var IFA_F_OPTIMISTIC = 4;
var IFA_F_DADFAILED = 8;
var IFA_F_HOMEADDRESS = 16;
var IFA_F_DEPRECATED = 32;
var IFA_F_TENTATIVE = 64;
var IFA_F_PERMANENT = 128;
var IFA_F_MANAGETEMPADDR = 256;
var IFA_F_NOPREFIXROUTE = 512;
var IFA_F_MCAUTOJOIN = 1024;
var IFA_F_STABLE_PRIVACY = 2048;
var IFA_FLAGS = [
  ["secondary", IFA_F_SECONDARY, true, false],
  ["temporary", IFA_F_SECONDARY, true, false],
  ["nodad", IFA_F_NODAD, false, true],
  ["optimistic", IFA_F_OPTIMISTIC, false, true],
  ["dadfailed", IFA_F_DADFAILED, true, true],
  ["home", IFA_F_HOMEADDRESS, false, true],
  ["deprecated", IFA_F_DEPRECATED, true, true],
  ["tentative", IFA_F_TENTATIVE, true, true],
  ["permanent", IFA_F_PERMANENT, true, true],
  ["mngtmpaddr", IFA_F_MANAGETEMPADDR, false, true],
  ["noprefixroute", IFA_F_NOPREFIXROUTE, false, false],
  ["autojoin", IFA_F_MCAUTOJOIN, false, false],
  ["stable-privacy", IFA_F_STABLE_PRIVACY, true, true]
];
function addrFlags(a) {
  return (a.secondary ? IFA_F_SECONDARY : 0) | IFA_F_PERMANENT | (a.noprefixroute ? IFA_F_NOPREFIXROUTE : 0);
}
function fnmatch(pattern, s) {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        let body2 = pattern.slice(i + 1, end);
        if (body2[0] === "!") body2 = `^${body2.slice(1)}`;
        re += `[${body2.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`${re}$`).test(s);
}
function addrPasses(f, a) {
  if (f.family && f.family !== AF_INET) return false;
  if ((f.scope ^ a.scope) & f.scopemask) return false;
  if ((f.flags ^ addrFlags(a)) & f.flagmask) return false;
  if (f.label !== void 0 && !fnmatch(f.label, a.label)) return false;
  if (f.pfx && f.pfx.bytelen > 0) {
    if (f.pfx.family !== AF_INET) return false;
    const bits = f.pfx.bitlen;
    if (bits > 0 && ((a.addr ^ f.pfx.addr) & cidrToMask(bits)) >>> 0 !== 0) return false;
  }
  return true;
}
function printAddr(ctx, i, a) {
  const nl = ctx.oneline ? "\\" : "\n";
  let s = "";
  if (!ctx.brief) {
    if (ctx.oneline) s += `${i.index}: ${i.name}`;
    s += `    ${familyName2(AF_INET)} `;
  }
  s += formatIPv4(a.addr);
  if (a.peer !== a.addr) s += ` peer ${formatIPv4(a.peer)}`;
  s += `/${a.plen} `;
  if (a.metric) s += `metric ${a.metric} `;
  if (ctx.brief) {
    ctx.out.stdout += s;
    return;
  }
  if (a.brd) s += `brd ${formatIPv4(a.brd)} `;
  s += `scope ${scopeN2a(a.scope)} `;
  let flags = addrFlags(a);
  for (const [name, mask] of IFA_FLAGS) {
    if (mask === IFA_F_PERMANENT) {
      if (!(flags & mask)) s += "dynamic ";
    } else if (flags & mask) s += `${name} `;
    flags &= ~mask;
  }
  s += a.label;
  s += `${nl}       valid_lft forever preferred_lft forever
`;
  ctx.out.stdout += s;
}
function getFilter(f, arg) {
  let inv2 = false;
  let w = arg;
  if (w[0] === "-") {
    inv2 = true;
    w = w.slice(1);
  }
  if (w === "dynamic") {
    inv2 = !inv2;
    w = "permanent";
  } else if (w === "primary") {
    inv2 = !inv2;
    w = "secondary";
  }
  const d = IFA_FLAGS.find(([n]) => n === w);
  if (!d) return false;
  if (inv2) f.flags &= ~d[1];
  else f.flags |= d[1];
  f.flagmask |= d[1];
  return true;
}
function ipaddrList(ctx, a, doLink, flush = false) {
  const { net, out } = ctx;
  const f = {
    ...emptyLinkFilter(),
    family: doLink ? AF_PACKET : ctx.family,
    scope: 0,
    scopemask: 0,
    flags: 0,
    flagmask: 0
  };
  if (flush) {
    if (!a.more) {
      out.stderr += "Flush requires arguments.\n";
      return 1;
    }
    if (f.family === AF_PACKET) {
      out.stderr += "Cannot flush link addresses.\n";
      return 1;
    }
  }
  let filterDev;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "to") {
      const v = a.next();
      f.pfx = getPrefix(out, v, f.family);
      if (f.family === AF_UNSPEC) f.family = f.pfx.family;
    } else if (w === "scope") {
      const v = a.next();
      f.scopemask = -1;
      const sc = scopeA2n(v);
      if (sc === void 0) {
        if (v !== "all") invarg(out, 'invalid "scope"\n', v);
        f.scope = RT_SCOPE_NOWHERE;
        f.scopemask = 0;
      } else f.scope = sc;
    } else if (w === "up") f.up = true;
    else if (getFilter(f, w)) {
    } else if (w === "label") f.label = a.next();
    else if (w === "group") {
      const v = a.next();
      const g = groupA2n(v);
      if (g === void 0) invarg(out, 'Invalid "group" value\n', v);
      f.group = g;
    } else if (w === "master") {
      const v = a.next();
      const m = net.iface(v);
      if (!m) invarg(out, "Device does not exist\n", v);
      f.master = m.index;
    } else if (w === "vrf") {
      const v = a.next();
      invarg(out, "Not a valid VRF name\n", v);
    } else if (w === "nomaster") f.master = -1;
    else if (w === "type") {
      const v = a.next();
      if (v.endsWith("_slave") && v.length >= 6) f.slaveKind = v.slice(0, -6);
      else f.kind = v;
    } else {
      let v = w;
      if (w === "dev") v = a.next();
      else if (matches7(w, "help")) {
        out.stderr += IPADDR_USAGE;
        throw new IpExit(255);
      }
      if (filterDev !== void 0) duparg2(out, "dev", v);
      filterDev = v;
    }
  }
  if (filterDev !== void 0) {
    const d = net.iface(filterDev);
    if (!d) {
      out.stderr += `Device "${filterDev}" does not exist.
`;
      return 1;
    }
    f.ifindex = d.index;
  }
  if (flush) {
    for (const d of net.ifaces) {
      if (f.ifindex && d.index !== f.ifindex) continue;
      if (f.up && !d.up) continue;
      net.flushAddrs(d, (x) => addrPasses(f, x));
    }
    return 0;
  }
  const links = net.ifaces.filter((d) => !f.ifindex || d.index === f.ifindex);
  const noLink = f.family !== AF_PACKET && ctx.oneline;
  for (const d of links) {
    if (f.family !== AF_PACKET && !(filterDev !== void 0 && f.group === -1 && doLink)) {
      const own = d.addrs;
      let ok = own.some((x) => addrPasses(f, x));
      if (own.length === 0 && (f.family === AF_UNSPEC || f.family === AF_PACKET)) ok = true;
      if (!ok) continue;
    }
    let res = 0;
    if (ctx.brief || !noLink) res = printLink(ctx, d, f, f.family, doLink);
    if (res >= 0 && f.family !== AF_PACKET) {
      if (!(filterDev !== void 0 && f.group === -1 && doLink)) {
        for (const x of d.addrs) {
          if (f.up && !d.up) continue;
          if (!addrPasses(f, x)) continue;
          printAddr(ctx, d, x);
        }
      }
      if (ctx.brief) out.stdout += "\n";
    }
  }
  return 0;
}
function defaultScope(p) {
  return p.family === AF_INET && p.addr >>> 24 === 127 ? RT_SCOPE_HOST : 0;
}
function ipaddrModify(ctx, a, cmd) {
  const { net, out } = ctx;
  let family = ctx.family;
  let dev;
  let label;
  let local;
  let localArg = "";
  let peer;
  let brdLen = 0;
  let brd = 0;
  let scope = 0;
  let scoped = false;
  let metric = 0;
  let noprefixroute = false;
  let prefixlen = 0;
  let validLft;
  let prefLft;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "peer" || w === "remote") {
      const v = a.next();
      if (peer) duparg(out, "peer", v);
      peer = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = peer.family;
      prefixlen = peer.bitlen;
    } else if (matches7(w, "broadcast") || w === "brd") {
      const v = a.next();
      if (brdLen) duparg(out, "broadcast", v);
      if (v === "+") brdLen = -1;
      else if (v === "-") brdLen = -2;
      else {
        const b = getAddr(out, v, family);
        if (family === AF_UNSPEC) family = b.family;
        brd = b.addr;
        brdLen = 4;
      }
    } else if (w === "anycast") {
      const v = a.next();
      getAddr(out, v, family);
      unsupported(out, "anycast addresses");
    } else if (w === "scope") {
      const v = a.next();
      const s = scopeA2n(v);
      if (s === void 0) invarg(out, "invalid scope value.", v);
      scope = s;
      scoped = true;
    } else if (w === "dev") dev = a.next();
    else if (w === "label") label = a.next();
    else if (matches7(w, "metric") || matches7(w, "priority") || matches7(w, "preference")) {
      const v = a.next();
      const m = getU32(v);
      if (m === void 0) invarg(out, '"metric" value is invalid\n', v);
      metric = m;
    } else if (matches7(w, "valid_lft")) {
      if (validLft !== void 0) duparg(out, "valid_lft", w);
      validLft = a.next();
      if (validLft !== "forever" && getU32(validLft) === void 0) invarg(out, "valid_lft value", validLft);
    } else if (matches7(w, "preferred_lft")) {
      if (prefLft !== void 0) duparg(out, "preferred_lft", w);
      prefLft = a.next();
      if (prefLft !== "forever" && getU32(prefLft) === void 0) invarg(out, "preferred_lft value", prefLft);
    } else if (IFA_FLAGS.some(([n]) => n === w)) {
      const d2 = IFA_FLAGS.find(([n]) => n === w);
      if (d2[2]) out.stderr += `Warning: ${d2[0]} option is not mutable from userspace
`;
      else if (d2[3] && family !== AF_INET6)
        out.stderr += `Warning: ${d2[0]} option can be set only for IPv6 addresses
`;
      else if (d2[1] === IFA_F_NOPREFIXROUTE) noprefixroute = true;
      else unsupported(out, `the "${d2[0]}" flag`);
    } else {
      let v = w;
      if (w === "local") v = a.next();
      if (matches7(v, "help")) {
        out.stderr += IPADDR_USAGE;
        throw new IpExit(255);
      }
      if (local) duparg2(out, "local", v);
      localArg = v;
      local = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = local.family;
    }
  }
  if (dev === void 0) {
    out.stderr += 'Not enough information: "dev" argument is required.\n';
    return 1;
  }
  let wildcard = false;
  if (!peer && local) {
    if (cmd === "del" && local.family === AF_INET && !local.prefixSpecified) {
      out.stderr += `Warning: Executing wildcard deletion to stay compatible with old scripts.
         Explicitly specify the prefix length (${localArg}/${local.bytelen * 8}) to avoid this warning.
         This special behaviour is likely to disappear in further releases,
         fix your scripts!
`;
      wildcard = true;
    } else peer = local;
  }
  if (prefixlen === 0 && local) prefixlen = local.bitlen;
  if (brdLen < 0 && cmd !== "del") {
    if (family !== AF_INET) {
      out.stderr += "Broadcast can be set only for IPv4 addresses\n";
      return 1;
    }
    const base = peer ?? local;
    const bitlen = base ? base.bitlen : 0;
    if (bitlen <= 30) {
      const host = ~cidrToMask(bitlen) >>> 0;
      brd = brdLen === -1 ? ((base?.addr ?? 0) | host) >>> 0 : ((base?.addr ?? 0) & ~host) >>> 0;
      brdLen = 4;
    } else brdLen = 0;
  }
  if (!scoped && cmd !== "del") scope = local ? defaultScope(local) : 0;
  const d = net.iface(dev);
  if (!d) {
    out.stderr += `Cannot find device "${dev}"
`;
    return 1;
  }
  if (validLft && validLft !== "forever" || prefLft && prefLft !== "forever") {
    const v = validLft === void 0 || validLft === "forever" ? 4294967295 : getU32(validLft);
    const p = prefLft === void 0 || prefLft === "forever" ? 4294967295 : getU32(prefLft);
    if (!v) {
      out.stderr += "valid_lft is zero\n";
      return 1;
    }
    if (v < p) {
      out.stderr += "preferred_lft is greater than valid_lft\n";
      return 1;
    }
    unsupported(out, "address lifetimes");
  }
  if (family === AF_UNSPEC) kernelError(out, { errno: "EOPNOTSUPP" });
  if (family === AF_INET6) kernelError(out, { errno: "EPERM", extack: "ipv6: IPv6 is disabled on this device" });
  if (family !== AF_INET) kernelError(out, { errno: "EOPNOTSUPP" });
  if (cmd === "del") {
    if (!local) {
      if (!peer) kernelError(out, { errno: "EINVAL" });
    }
    const m = { addr: local ? local.addr : 0 };
    if (!wildcard && peer) {
      m.peer = peer.addr;
      m.plen = prefixlen;
    }
    if (label !== void 0) m.label = label;
    const e2 = net.delAddr(d, m);
    if (e2) kernelError(out, e2);
    return 0;
  }
  if (!local) kernelError(out, { errno: "EINVAL" });
  const e = net.addAddr(
    d,
    {
      addr: local.addr,
      ...peer && peer !== local ? { peer: peer.addr } : {},
      plen: prefixlen,
      brd: brdLen > 0 ? brd : 0,
      scope,
      ...label !== void 0 ? { label } : {},
      metric,
      noprefixroute
    },
    cmd === "add" ? "add" : "replace"
  );
  if (e) kernelError(out, e);
  return 0;
}
function doIpaddr(ctx, a) {
  const { out } = ctx;
  if (!a.more) return ipaddrList(ctx, a, false);
  const w = a.cur;
  a.advance();
  if (matches7(w, "add")) return ipaddrModify(ctx, a, "add");
  if (matches7(w, "change") || w === "chg") return ipaddrModify(ctx, a, "replace");
  if (matches7(w, "replace")) return ipaddrModify(ctx, a, "replace");
  if (matches7(w, "delete")) return ipaddrModify(ctx, a, "del");
  if (matches7(w, "list") || matches7(w, "show") || matches7(w, "lst")) return ipaddrList(ctx, a, false);
  if (matches7(w, "flush")) return ipaddrList(ctx, a, false, true);
  if (matches7(w, "save") || matches7(w, "showdump") || matches7(w, "restore")) unsupported(out, `"ip address ${w}"`);
  if (matches7(w, "help")) {
    out.stderr += IPADDR_USAGE;
    throw new IpExit(255);
  }
  fail(out, `Command "${w}" is unknown, try "ip address help".
`, 255);
}

// src/compat/ip/neigh.ts
var IPNEIGH_USAGE = "Usage: ip neigh { add | del | change | replace }\n                { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }\n                [ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]\n                [ protocol PROTO ]\n\n	ip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]\n				  [ vrf NAME ] [ nomaster ]\n	ip neigh get { ADDR | proxy ADDR } dev DEV\n\nSTATE := { delay | failed | incomplete | noarp | none |\n           permanent | probe | reachable | stale }\n";
var NUD = ["incomplete", "reachable", "stale", "delay", "probe", "failed", "noarp", "permanent", "none"];
function showOrFlush(ctx, a, flush) {
  const { net, out } = ctx;
  let family = ctx.family;
  let dev;
  if (flush && !a.more) {
    out.stderr += "Flush requires arguments.\n";
    return 1;
  }
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "dev") {
      const v = a.next();
      if (dev !== void 0) duparg(out, "dev", v);
      dev = v;
    } else if (w === "master") {
      const v = a.next();
      if (!net.iface(v)) invarg(out, "Device does not exist\n", v);
    } else if (w === "vrf") {
      const v = a.next();
      invarg(out, "Not a valid VRF name\n", v);
    } else if (w === "nomaster" || w === "unused" || w === "proxy") {
    } else if (w === "nud") {
      const v = a.next();
      if (!NUD.includes(v) && v !== "all" && !/^(0[xX])?[0-9a-fA-F]+$/.test(v)) invarg(out, "nud state is bad", v);
    } else if (matches7(w, "protocol")) {
      const v = a.next();
      if (protoA2n(v) === void 0 && v !== "all") invarg(out, 'invalid "protocol"\n', v);
    } else {
      let v = w;
      if (v === "to") v = a.next();
      if (matches7(v, "help")) {
        out.stderr += IPNEIGH_USAGE;
        throw new IpExit(255);
      }
      const p = getPrefix(out, v, family);
      if (family === 0) family = p.family;
    }
  }
  if (dev !== void 0 && !net.iface(dev)) {
    out.stderr += `Cannot find device "${dev}"
`;
    return 1;
  }
  return 0;
}
function doIpneigh(ctx, a) {
  const { out } = ctx;
  if (!a.more) return showOrFlush(ctx, a, false);
  const w = a.cur;
  a.advance();
  if (matches7(w, "add") || matches7(w, "change") || w === "chg" || matches7(w, "replace") || matches7(w, "delete") || matches7(w, "get")) {
    unsupported(out, "the neighbour cache (ip neigh add/change/replace/delete/get)");
  }
  if (matches7(w, "show") || matches7(w, "lst") || matches7(w, "list")) return showOrFlush(ctx, a, false);
  if (matches7(w, "flush")) return showOrFlush(ctx, a, true);
  if (matches7(w, "help")) {
    out.stderr += IPNEIGH_USAGE;
    throw new IpExit(255);
  }
  fail(out, `Command "${w}" is unknown, try "ip neigh help".
`, 255);
}

// src/compat/ip/route.ts
var RTN_UNICAST2 = 1;
var RTN_LOCAL2 = 2;
var RTN_BROADCAST2 = 3;
var RTN_ANYCAST2 = 4;
var RTN_MULTICAST2 = 5;
var RTN_NAT2 = 10;
var IPROUTE_USAGE = "Usage: ip route { list | flush } SELECTOR\n       ip route save SELECTOR\n       ip route restore\n       ip route showdump\n       ip route get [ ROUTE_GET_FLAGS ] ADDRESS\n                            [ from ADDRESS iif STRING ]\n                            [ oif STRING ] [ tos TOS ]\n                            [ mark NUMBER ] [ vrf NAME ]\n                            [ uid NUMBER ] [ ipproto PROTOCOL ]\n                            [ sport NUMBER ] [ dport NUMBER ]\n       ip route { add | del | change | append | replace } ROUTE\nSELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]\n            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]\n            [ type TYPE ] [ scope SCOPE ]\nROUTE := NODE_SPEC [ INFO_SPEC ]\nNODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]\n             [ table TABLE_ID ] [ proto RTPROTO ]\n             [ scope SCOPE ] [ metric METRIC ]\n             [ ttl-propagate { enabled | disabled } ]\nINFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...\nNH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]\n      [ dev STRING ] [ weight NUMBER ] NHFLAGS\nFAMILY := [ inet | inet6 | mpls | bridge | link ]\nOPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]\n           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]\n           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]\n           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]\n           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]\n           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]\n           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]\nTYPE := { unicast | local | broadcast | multicast | throw |\n          unreachable | prohibit | blackhole | nat }\nTABLE_ID := [ local | main | default | all | NUMBER ]\nSCOPE := [ host | link | global | NUMBER ]\nNHFLAGS := [ onlink | pervasive ]\nRTPROTO := [ kernel | boot | static | NUMBER ]\nPREF := [ low | medium | high ]\nTIME := NUMBER[s|ms]\nBOOL := [1|0]\nFEATURES := ecn\nENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]\nENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]\nSEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]\nSEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]\nSEG6LOCAL := action ACTION [ OPTIONS ] [ count ]\nACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |\n            End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |\n            End.BM | End.S | End.AS | End.AM | End.BPF }\nOPTIONS := OPTION [ OPTIONS ]\nOPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |\n            table TABLEID | vrftable TABLEID | endpoint PROGNAME }\nFLAVORS := { FLAVOR[,FLAVOR] }\nFLAVOR := { psp | usp | usd | next-csid }\nIOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE\nXFRMINFO := if_id IF_ID [ link_dev LINK ]\nROUTE_GET_FLAGS := [ fibmatch ]\n";
function usage3(ctx) {
  ctx.out.stderr += IPROUTE_USAGE;
  throw new IpExit(255);
}
var METRIC_OPTS = ["mtu", "hoplimit", "advmss", "rtt", "rto_min"];
var METRIC_OPTS_ABBR = [
  "reordering",
  "window",
  "cwnd",
  "initcwnd",
  "initrwnd",
  "features",
  "quickack",
  "congctl",
  "rttvar",
  "ssthresh",
  "fastopen_no_cookie"
];
function iprouteModify(ctx, a, del, flags) {
  const { net, out } = ctx;
  let family = ctx.family;
  let table = RT_TABLE_MAIN;
  let scope = del ? RT_SCOPE_NOWHERE : RT_SCOPE_UNIVERSE;
  let type = del ? 0 : RTN_UNICAST2;
  let proto2 = del ? 0 : RTPROT_BOOT;
  let dev;
  let gw;
  let dst;
  let prefsrc = 0;
  let metric = 0;
  let onlink = false;
  let tableOk = false;
  let scopeOk = false;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "src") {
      const v = a.next();
      const p = getAddr(out, v, family);
      if (family === AF_UNSPEC) family = p.family;
      prefsrc = p.addr;
    } else if (w === "as") {
      let v = a.next();
      if (v === "to") v = a.next();
      getAddr(out, v, family);
      unsupported(out, '"as" (RTA_NEWDST)');
    } else if (w === "via") {
      if (gw) invarg(out, "use nexthop syntax to specify multiple via\n", w);
      let v = a.next();
      let fam = readFamily(v);
      if (fam === AF_UNSPEC) fam = family;
      else v = a.next();
      const p = getAddr(out, v, fam);
      if (family === AF_UNSPEC) family = p.family;
      gw = p;
    } else if (w === "from") {
      const v = a.next();
      getPrefix(out, v, family);
      unsupported(out, 'source-specific routes ("from")');
    } else if (w === "tos" || matches7(w, "dsfield")) {
      a.next();
      unsupported(out, "routes with a TOS");
    } else if (w === "expires") {
      const v = a.next();
      if (getU32(v) === void 0) invarg(out, '"expires" value is invalid\n', v);
      unsupported(out, '"expires"');
    } else if (matches7(w, "metric") || matches7(w, "priority") || w === "preference") {
      const v = a.next();
      const m = getU32(v);
      if (m === void 0) invarg(out, '"metric" value is invalid\n', v);
      metric = m;
    } else if (w === "scope") {
      const v = a.next();
      const s = scopeA2n(v);
      if (s === void 0) invarg(out, 'invalid "scope" value\n', v);
      scope = s;
      scopeOk = true;
    } else if (METRIC_OPTS.includes(w) || METRIC_OPTS_ABBR.some((o) => matches7(w, o))) {
      a.next();
      unsupported(out, `the route metric "${w}"`);
    } else if (matches7(w, "realms")) {
      a.next();
      unsupported(out, "realms");
    } else if (w === "onlink") onlink = true;
    else if (w === "nexthop" || w === "nhid") unsupported(out, "multipath and nexthop objects");
    else if (matches7(w, "protocol")) {
      const v = a.next();
      const p = protoA2n(v);
      if (p === void 0) invarg(out, '"protocol" value is invalid\n', v);
      proto2 = p;
    } else if (matches7(w, "table")) {
      const v = a.next();
      const t = tableA2n(v);
      if (t === void 0) invarg(out, '"table" value is invalid\n', v);
      table = t;
      tableOk = true;
    } else if (matches7(w, "vrf")) {
      const v = a.next();
      invarg(out, "Invalid VRF\n", v);
    } else if (w === "dev" || w === "oif") dev = a.next();
    else if (matches7(w, "pref") || w === "encap" || w === "ttl-propagate") {
      a.next();
      unsupported(out, `"${w}"`);
    } else {
      let v = w;
      if (v === "to") v = a.next();
      if ((v[0] < "0" || v[0] > "9") && rtntypeA2n(v) !== void 0) {
        type = rtntypeA2n(v);
        v = a.next();
      }
      if (matches7(v, "help")) usage3(ctx);
      if (dst) duparg2(out, "to", v);
      dst = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = dst.family;
    }
  }
  if (!dst) usage3(ctx);
  let oif = 0;
  if (dev !== void 0) {
    const d = net.iface(dev);
    if (!d) {
      out.stderr += `Cannot find device "${dev}"
`;
      return 1;
    }
    oif = d.index;
  }
  if (family === AF_UNSPEC) family = AF_INET;
  if (!tableOk && [RTN_LOCAL2, RTN_BROADCAST2, RTN_NAT2, RTN_ANYCAST2].includes(type)) table = RT_TABLE_LOCAL;
  if (!scopeOk) {
    if (family === AF_INET6) scope = RT_SCOPE_UNIVERSE;
    else if (type === RTN_LOCAL2 || type === RTN_NAT2) scope = RT_SCOPE_HOST;
    else if (type === RTN_BROADCAST2 || type === RTN_MULTICAST2 || type === RTN_ANYCAST2) scope = RT_SCOPE_LINK;
    else if (type === RTN_UNICAST2 || type === 0) {
      if (del) scope = RT_SCOPE_NOWHERE;
      else if (!gw) scope = RT_SCOPE_LINK;
    }
  }
  if (family === AF_INET6)
    kernelError(out, del ? { errno: "ESRCH" } : { errno: "EACCES", extack: "IPv6 is disabled on nexthop device" });
  if (family !== AF_INET || gw && gw.family !== AF_INET) unsupported(out, "non-IPv4 routes");
  const spec = {
    table: table === 0 ? RT_TABLE_MAIN : table,
    type,
    dst: dst.addr,
    plen: dst.bitlen,
    tos: 0,
    metric,
    proto: proto2,
    scope,
    prefsrc,
    gateway: gw ? gw.addr : 0,
    oif,
    onlink
  };
  const e = del ? net.delRoute(spec) : net.addRoute(spec, flags);
  if (e) kernelError(out, e);
  return 0;
}
function prefixMatch2(addr2, p, bits) {
  if (bits <= 0) return true;
  return ((addr2 ^ p.addr) & cidrToMask(Math.min(bits, 32))) >>> 0 === 0;
}
function routePasses(f, r) {
  if (f.tb > 0 && f.tb !== r.table) return false;
  if ((f.protocol ^ r.proto) & f.protocolmask) return false;
  if ((f.scope ^ r.scope) & f.scopemask) return false;
  if (f.typemask && !(f.typemask & 1 << r.type)) return false;
  if (f.rdst && (f.rdst.family !== AF_INET && f.rdst.family !== AF_UNSPEC ? true : f.rdst.bitlen > r.plen))
    return false;
  if (f.mdst && f.mdst.family !== AF_INET && f.mdst.family !== AF_UNSPEC) return false;
  if (f.mdst && f.mdst.bitlen >= 0 && f.mdst.bitlen < r.plen) return false;
  if (f.rsrc && f.rsrc.bitlen > 0) return false;
  if (f.rvia && f.rvia.family !== AF_INET && f.rvia.family !== AF_UNSPEC) return false;
  if (f.rdst && !prefixMatch2(r.dst, f.rdst, f.rdst.bitlen)) return false;
  if (f.mdst && !prefixMatch2(r.dst, f.mdst, r.plen)) return false;
  if (f.rvia && !prefixMatch2(r.gateway, f.rvia, f.rvia.bitlen)) return false;
  if (f.rprefsrc && !prefixMatch2(r.prefsrc, f.rprefsrc, f.rprefsrc.bitlen)) return false;
  if (f.iifmask && f.iif !== 0) return false;
  if ((f.oif ^ r.oif) & f.oifmask) return false;
  if ((f.metric ^ r.metric) & f.metricmask) return false;
  return true;
}
function formatRoute(net, r, showTable, f) {
  let s = "";
  if (r.type !== RTN_UNICAST2 && (!f?.typemask || f.typemask & 1 << r.type)) s += `${rtntypeN2a(r.type)} `;
  s += r.plen === 0 ? "default " : r.plen === 32 ? `${formatIPv4(r.dst)} ` : `${formatIPv4(r.dst)}/${r.plen} `;
  if (r.gateway && !(f?.rvia && f.rvia.bitlen === 32)) s += `via ${formatIPv4(r.gateway)} `;
  if (r.oif && (!f || f.oifmask !== -1)) s += `dev ${net.nameOf(r.oif)} `;
  if (r.table !== RT_TABLE_MAIN && showTable) s += `table ${tableN2a(r.table)} `;
  if (r.proto !== RTPROT_BOOT && (!f || f.protocolmask !== -1)) s += `proto ${protoN2a(r.proto)} `;
  if (r.scope !== RT_SCOPE_UNIVERSE && (!f || f.scopemask !== -1)) s += `scope ${scopeN2a(r.scope)} `;
  if (r.prefsrc && !(f?.rprefsrc && f.rprefsrc.bitlen === 32)) s += `src ${formatIPv4(r.prefsrc)} `;
  if (r.metric && (!f || f.metricmask !== -1)) s += `metric ${r.metric} `;
  if (r.onlink) s += "onlink ";
  if (net.linkdown(r)) s += "linkdown ";
  return `${s}
`;
}
function iprouteList(ctx, a, flush) {
  const { net, out } = ctx;
  let dumpFamily = ctx.family;
  const f = {
    tb: RT_TABLE_MAIN,
    protocol: 0,
    protocolmask: 0,
    scope: 0,
    scopemask: 0,
    typemask: 0,
    oif: 0,
    oifmask: 0,
    iif: 0,
    iifmask: 0,
    metric: 0,
    metricmask: 0
  };
  let cloned = false;
  let od;
  let id;
  if (flush && !a.more) {
    out.stderr += '"ip route flush" requires arguments.\n';
    return 1;
  }
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (matches7(w, "table")) {
      const v = a.next();
      const t = tableA2n(v);
      if (t === void 0) {
        if (v === "all") f.tb = 0;
        else if (v === "cache") cloned = true;
        else if (v === "help") usage3(ctx);
        else invarg(out, "table id value is invalid\n", v);
      } else f.tb = t;
    } else if (matches7(w, "vrf")) {
      const v = a.next();
      invarg(out, "Invalid VRF\n", v);
    } else if (matches7(w, "cached") || matches7(w, "cloned")) cloned = true;
    else if (w === "tos" || matches7(w, "dsfield")) {
      a.next();
      unsupported(out, "a TOS selector");
    } else if (matches7(w, "protocol")) {
      const v = a.next();
      f.protocolmask = -1;
      const p = protoA2n(v);
      if (p === void 0) {
        if (v !== "all") invarg(out, 'invalid "protocol"\n', v);
        f.protocol = 0;
        f.protocolmask = 0;
      } else f.protocol = p;
    } else if (matches7(w, "scope")) {
      const v = a.next();
      f.scopemask = -1;
      const s = scopeA2n(v);
      if (s === void 0) {
        if (v !== "all") invarg(out, 'invalid "scope"\n', v);
        f.scope = RT_SCOPE_NOWHERE;
        f.scopemask = 0;
      } else f.scope = s;
    } else if (matches7(w, "type")) {
      const v = a.next();
      const t = rtntypeA2n(v);
      if (t === void 0) invarg(out, "node type value is invalid\n", v);
      f.typemask = 1 << t;
    } else if (w === "dev" || w === "oif") od = a.next();
    else if (w === "iif") id = a.next();
    else if (w === "mark") {
      const v = a.next();
      if (getUnsigned(v) === void 0) invarg(out, "invalid mark value", v);
    } else if (matches7(w, "metric") || matches7(w, "priority") || w === "preference") {
      const v = a.next();
      const m = getU32(v);
      if (m === void 0) invarg(out, '"metric" value is invalid\n', v);
      f.metric = m;
      f.metricmask = -1;
    } else if (w === "via") {
      let v = a.next();
      let fam = readFamily(v);
      if (fam === AF_UNSPEC) fam = dumpFamily;
      else v = a.next();
      f.rvia = getPrefix(out, v, fam);
    } else if (w === "src") {
      const v = a.next();
      f.rprefsrc = getPrefix(out, v, dumpFamily);
    } else if (matches7(w, "realms")) {
      a.next();
      unsupported(out, "a realms selector");
    } else if (matches7(w, "from")) {
      let v = a.next();
      if (matches7(v, "root")) f.rsrc = getPrefix(out, a.next(), dumpFamily);
      else if (matches7(v, "match")) f.msrc = getPrefix(out, a.next(), dumpFamily);
      else {
        if (matches7(v, "exact")) v = a.next();
        f.msrc = getPrefix(out, v, dumpFamily);
        f.rsrc = f.msrc;
      }
    } else {
      let v = w;
      if (matches7(v, "to")) v = a.next();
      if (matches7(v, "root")) f.rdst = getPrefix(out, a.next(), dumpFamily);
      else if (matches7(v, "match")) f.mdst = getPrefix(out, a.next(), dumpFamily);
      else {
        if (matches7(v, "exact")) v = a.next();
        f.mdst = getPrefix(out, v, dumpFamily);
        f.rdst = f.mdst;
      }
    }
  }
  if (dumpFamily === AF_UNSPEC && f.tb) dumpFamily = AF_INET;
  if (id !== void 0 || od !== void 0) {
    if (id !== void 0) {
      const d = net.iface(id);
      if (!d) {
        out.stderr += `Cannot find device "${id}"
`;
        return 1;
      }
      f.iif = d.index;
      f.iifmask = -1;
    }
    if (od !== void 0) {
      const d = net.iface(od);
      if (!d) {
        out.stderr += `Cannot find device "${od}"
`;
        return 1;
      }
      f.oif = d.index;
      f.oifmask = -1;
    }
  }
  if (dumpFamily !== AF_UNSPEC && dumpFamily !== AF_INET) return 0;
  if (f.tb && !net.tables.has(f.tb) && !cloned) {
    out.stderr += `Error: ipv4: FIB table does not exist.
${flush ? "Flush" : "Dump"} terminated
`;
    return 2;
  }
  if (cloned) return 0;
  const tables = f.tb ? [net.tables.get(f.tb)] : net.dumpTables();
  if (flush) {
    const doomed = /* @__PURE__ */ new Set();
    for (const t of tables) for (const r of t.routes) if (routePasses(f, r)) doomed.add(r);
    net.flushRoutes((r) => doomed.has(r));
    return 0;
  }
  for (const t of tables) for (const r of t.routes) if (routePasses(f, r)) out.stdout += formatRoute(net, r, !f.tb, f);
  return 0;
}
function formatGet(net, dst, from, g, mark, uid, iif, oneline) {
  let s = "";
  if (g.type !== RTN_UNICAST2) s += `${rtntypeN2a(g.type)} `;
  s += `${formatIPv4(dst)} `;
  if (from !== void 0) s += `from ${formatIPv4(from)} `;
  if (g.gateway) s += `via ${formatIPv4(g.gateway)} `;
  s += `dev ${net.nameOf(g.oif)} `;
  if (!g.input && g.src && g.src !== from) s += `src ${formatIPv4(g.src)} `;
  if (g.flags & RTCF_MULTICAST) s += "rt_offload_failed ";
  if (mark) s += mark >= 16 ? `mark 0x${mark.toString(16)} ` : `mark ${mark} `;
  if (!g.input) s += `uid ${uid} `;
  s += `${oneline ? "\\" : "\n"}    cache `;
  const names = [
    [RTCF_LOCAL, "local"],
    [RTCF_MULTICAST, "mc"],
    [RTCF_BROADCAST, "brd"],
    [RTCF_DOREDIRECT, "redirect"],
    [RTCF_NOTIFY, "notify"]
  ];
  let fl = g.flags;
  if (fl) {
    s += "<";
    for (const [bit, name] of names) {
      if (!(fl & bit)) continue;
      fl &= ~bit;
      s += fl ? `${name},` : `${name}> `;
    }
  }
  if (g.input) s += `iif ${net.nameOf(iif)} `;
  return `${s}
`;
}
function iprouteGet(ctx, a) {
  const { net, out } = ctx;
  let family = ctx.family;
  let idev;
  let odev;
  let from;
  let mark = 0;
  let uid = 0;
  let dst;
  let fibmatch = false;
  let connected = false;
  let notify = false;
  for (; a.more; a.advance()) {
    const w = a.cur;
    if (w === "tos" || matches7(w, "dsfield")) {
      a.next();
      unsupported(out, "a TOS in route lookups");
    } else if (matches7(w, "from")) {
      const v = a.next();
      if (matches7(v, "help")) usage3(ctx);
      from = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = from.family;
    } else if (matches7(w, "iif")) idev = a.next();
    else if (matches7(w, "mark")) {
      const v = a.next();
      const m = getUnsigned(v);
      if (m === void 0) invarg(out, "invalid mark value", v);
      mark = m;
    } else if (matches7(w, "oif") || w === "dev") odev = a.next();
    else if (matches7(w, "notify")) notify = true;
    else if (matches7(w, "connected")) connected = true;
    else if (matches7(w, "vrf")) {
      const v = a.next();
      invarg(out, "Invalid VRF\n", v);
    } else if (matches7(w, "uid")) {
      const v = a.next();
      const u = getUnsigned(v);
      if (u === void 0) invarg(out, "invalid UID\n", v);
      uid = u;
    } else if (matches7(w, "fibmatch")) fibmatch = true;
    else if (w === "as") {
      let v = a.next();
      if (v === "to") v = a.next();
      getAddr(out, v, family);
      unsupported(out, '"as" in route lookups');
    } else if (matches7(w, "sport") || matches7(w, "dport") || matches7(w, "ipproto")) {
      a.next();
      unsupported(out, `"${w}" in route lookups`);
    } else {
      let v = w;
      if (v === "to") v = a.next();
      if (matches7(v, "help")) usage3(ctx);
      dst = getPrefix(out, v, family);
      if (family === AF_UNSPEC) family = dst.family;
      if (dst.family === AF_INET && dst.bitlen !== 32)
        out.stderr += `Warning: /${dst.bitlen} as prefix is invalid, only /32 (or none) is supported.
`;
    }
  }
  if (!dst) {
    out.stderr += "need at least a destination address\n";
    return 1;
  }
  let iif = 0;
  let oif = 0;
  if (idev !== void 0) {
    const d = net.iface(idev);
    if (!d) {
      out.stderr += `Cannot find device "${idev}"
`;
      return 1;
    }
    iif = d.index;
  }
  if (odev !== void 0) {
    const d = net.iface(odev);
    if (!d) {
      out.stderr += `Cannot find device "${odev}"
`;
      return 1;
    }
    oif = d.index;
  }
  if (family === AF_INET6) kernelError(out, { errno: "ENETUNREACH" });
  const src = from?.bytelen ? from.addr : void 0;
  const g = iif ? net.routeInput({ dst: dst.addr, src: src ?? 0, iif, mark }) : net.routeOutput({ dst: dst.addr, ...src !== void 0 ? { src } : {}, ...oif ? { oif } : {}, mark });
  if ("errno" in g) kernelError(out, g);
  if (notify) g.flags |= RTCF_NOTIFY;
  if (fibmatch) {
    if (!g.fib) kernelError(out, { errno: "ENETUNREACH" });
    out.stdout += formatRoute(net, { ...g.fib, table: RT_TABLE_MAIN }, true);
    return 0;
  }
  const line = formatGet(net, dst.addr, src, g, mark, uid, iif, ctx.oneline);
  out.stdout += line;
  if (connected && !from) out.stdout += line;
  return 0;
}
function doIproute(ctx, a) {
  const { out } = ctx;
  if (!a.more) return iprouteList(ctx, a, false);
  const w = a.cur;
  a.advance();
  if (matches7(w, "add")) return iprouteModify(ctx, a, false, { create: true, excl: true });
  if (matches7(w, "change") || w === "chg") return iprouteModify(ctx, a, false, { replace: true });
  if (matches7(w, "replace")) return iprouteModify(ctx, a, false, { create: true, replace: true });
  if (matches7(w, "prepend")) return iprouteModify(ctx, a, false, { create: true });
  if (matches7(w, "append")) return iprouteModify(ctx, a, false, { create: true, append: true });
  if (matches7(w, "test")) return iprouteModify(ctx, a, false, { excl: true });
  if (matches7(w, "delete")) return iprouteModify(ctx, a, true, {});
  if (matches7(w, "list") || matches7(w, "show") || matches7(w, "lst")) return iprouteList(ctx, a, false);
  if (matches7(w, "get")) return iprouteGet(ctx, a);
  if (matches7(w, "flush")) return iprouteList(ctx, a, true);
  if (matches7(w, "save") || matches7(w, "restore") || matches7(w, "showdump")) unsupported(out, `"ip route ${w}"`);
  if (matches7(w, "help")) usage3(ctx);
  fail(out, `Command "${w}" is unknown, try "ip route help".
`, 255);
}

// src/compat/ip/index.ts
var IP_USAGE = "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n                    -4 | -6 | -M | -B | -0 |\n                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n                    -c[olor]}\n";
var IP_VERSION = "ip utility, iproute2-6.1.0, libbpf 1.1.2\n";
var OBJECTS = [
  "address",
  "addrlabel",
  "maddress",
  "route",
  "rule",
  "neighbor",
  "neighbour",
  "ntable",
  "ntbl",
  "link",
  "l2tp",
  "fou",
  "ila",
  "macsec",
  "tunnel",
  "tunl",
  "tuntap",
  "tap",
  "token",
  "tcpmetrics",
  "tcp_metrics",
  "monitor",
  "xfrm",
  "mroute",
  "mrule",
  "netns",
  "netconf",
  "vrf",
  "sr",
  "nexthop",
  "mptcp",
  "ioam",
  "help",
  "stats"
];
function usage4(out) {
  out.stderr += IP_USAGE;
  throw new IpExit(255);
}
function runIp(net, args) {
  const out = { stdout: "", stderr: "" };
  let status = 0;
  try {
    status = ipMain(net, args, out);
  } catch (e) {
    if (e instanceof IpExit) status = e.status;
    else throw e;
  }
  return { stdout: out.stdout, stderr: out.stderr, status };
}
function ipMain(net, args, out) {
  const ctx = { net, out, family: AF_UNSPEC, oneline: false, brief: false };
  let i = 0;
  const need = () => {
    i++;
    if (i >= args.length) usage4(out);
    return args[i];
  };
  for (; i < args.length; i++) {
    let opt = args[i];
    if (opt === "--") {
      i++;
      break;
    }
    if (opt[0] !== "-") break;
    if (opt[1] === "-") opt = opt.slice(1);
    if (matches7(opt, "-loops")) need();
    else if (matches7(opt, "-family")) {
      const v = need();
      if (v === "help") usage4(out);
      ctx.family = readFamily(v);
      if (ctx.family === AF_UNSPEC) invarg(out, "invalid protocol family", v);
    } else if (opt === "-4") ctx.family = AF_INET;
    else if (opt === "-6") ctx.family = AF_INET6;
    else if (opt === "-0") ctx.family = AF_PACKET;
    else if (opt === "-M") ctx.family = AF_MPLS;
    else if (opt === "-B") ctx.family = AF_BRIDGE;
    else if (matches7(opt, "-human") || matches7(opt, "-human-readable") || matches7(opt, "-iec")) {
    } else if (matches7(opt, "-stats") || matches7(opt, "-statistics")) unsupported(out, "statistics (-s)");
    else if (matches7(opt, "-details")) unsupported(out, "details (-d)");
    else if (matches7(opt, "-resolve")) unsupported(out, "name resolution (-r)");
    else if (matches7(opt, "-oneline")) ctx.oneline = true;
    else if (matches7(opt, "-timestamp") || matches7(opt, "-tshort")) {
    } else if (matches7(opt, "-Version")) {
      out.stdout += IP_VERSION;
      return 0;
    } else if (matches7(opt, "-force")) {
    } else if (matches7(opt, "-batch")) {
      need();
      unsupported(out, "batch mode (-batch)");
    } else if (matches7(opt, "-brief")) ctx.brief = true;
    else if (matches7(opt, "-json") || matches7(opt, "-pretty")) unsupported(out, "JSON output (-j, -p)");
    else if (matches7(opt, "-rcvbuf")) {
      const v = need();
      if (!/^\d+$/.test(v)) {
        out.stderr += `Invalid rcvbuf size '${v}'
`;
        throw new IpExit(255);
      }
    } else if (isColor(opt)) {
      if (!/=never$/.test(opt)) unsupported(out, "colored output (-c)");
    } else if (matches7(opt, "-help")) usage4(out);
    else if (matches7(opt, "-netns")) {
      i++;
      if (i >= args.length) {
        out.stderr += 'Command line is not complete. Try option "help"\n';
        throw new IpExit(255);
      }
      out.stderr += `Cannot open network namespace "${args[i]}": No such file or directory
`;
      throw new IpExit(255);
    } else if (matches7(opt, "-Numeric")) unsupported(out, "numeric output (-N)");
    else if (matches7(opt, "-all")) {
    } else if (opt === "-echo") unsupported(out, "-echo");
    else {
      out.stderr += `Option "${opt}" is unknown, try "ip -help".
`;
      throw new IpExit(255);
    }
  }
  if (i >= args.length) usage4(out);
  const obj = args[i];
  const a = new Args(args, out);
  a.i = i + 1;
  const o = OBJECTS.find((x) => matches7(obj, x));
  switch (o) {
    case "address":
      return doIpaddr(ctx, a);
    case "route":
      return doIproute(ctx, a);
    case "link":
      return doIplink(ctx, a, (c, rest) => ipaddrList(c, rest, true));
    case "neighbor":
    case "neighbour":
      return doIpneigh(ctx, a);
    case "help":
      usage4(out);
      break;
    case void 0:
      out.stderr += `Object "${obj}" is unknown, try "ip help".
`;
      return 1;
    default:
      unsupported(out, `"ip ${o}"`);
  }
  return 0;
}
function isColor(opt) {
  const eq = opt.indexOf("=");
  const name = eq >= 0 ? opt.slice(0, eq) : opt;
  if (!matches7(name, "-color")) return false;
  const v = eq >= 0 ? opt.slice(eq + 1) : "";
  return v === "" || v === "always" || v === "auto" || v === "never";
}

// src/compat/sysctl.ts
var PROC = "/proc/sys/";
var SYSCTL_USAGE = "\nUsage:\n sysctl [options] [variable[=value] ...]\n\nOptions:\n  -a, --all            display all variables\n  -A                   alias of -a\n  -X                   alias of -a\n      --deprecated     include deprecated parameters to listing\n      --dry-run        Print the key and values but do not write\n  -b, --binary         print value without new line\n  -e, --ignore         ignore unknown variables errors\n  -N, --names          print variable names without values\n  -n, --values         print only values of the given variable(s)\n  -p, --load[=<file>]  read values from file\n  -f                   alias of -p\n      --system         read values from all system directories\n  -r, --pattern <expression>\n                       select setting that match expression\n  -q, --quiet          do not echo variable set\n  -w, --write          enable writing a value to variable\n  -o                   does nothing\n  -x                   does nothing\n  -d                   alias of -h\n\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see sysctl(8).\n";
var DEPRECATED = 256;
var SYSTEM = 257;
var DRYRUN = 258;
var LONGOPTS = [
  { name: "all", hasArg: NO_ARG, val: "a".charCodeAt(0) },
  { name: "deprecated", hasArg: NO_ARG, val: DEPRECATED },
  { name: "dry-run", hasArg: NO_ARG, val: DRYRUN },
  { name: "binary", hasArg: NO_ARG, val: "b".charCodeAt(0) },
  { name: "ignore", hasArg: NO_ARG, val: "e".charCodeAt(0) },
  { name: "names", hasArg: NO_ARG, val: "N".charCodeAt(0) },
  { name: "values", hasArg: NO_ARG, val: "n".charCodeAt(0) },
  { name: "load", hasArg: OPTIONAL_ARG, val: "p".charCodeAt(0) },
  { name: "quiet", hasArg: NO_ARG, val: "q".charCodeAt(0) },
  { name: "write", hasArg: NO_ARG, val: "w".charCodeAt(0) },
  { name: "system", hasArg: NO_ARG, val: SYSTEM },
  { name: "pattern", hasArg: REQUIRED_ARG, val: "r".charCodeAt(0) },
  { name: "help", hasArg: NO_ARG, val: "h".charCodeAt(0) },
  { name: "version", hasArg: NO_ARG, val: "V".charCodeAt(0) }
];
var Exit = class extends Error {
  constructor(status) {
    super("exit");
    this.status = status;
  }
  status;
};
function slashdot(s, from, to, warn) {
  const first = s.search(/[/.]/);
  if (first < 0) return s;
  if (s[first] === to) return s;
  let warned = false;
  const chars = [...s];
  for (let i = first; i < chars.length; i++) {
    const c = chars[i];
    if (c !== "/" && c !== ".") continue;
    if ((chars[i + 1] === "/" || chars[i + 1] === ".") && !warned) {
      warn(`separators should not be repeated: ${s.slice(i)}`);
      warned = true;
    }
    if (c === from) chars[i] = to;
    else if (c === to) chars[i] = from;
  }
  return chars.join("");
}
function lookup(net, rel) {
  const parts = rel.split("/").filter((p) => p !== "");
  if (parts.length === 0) return { kind: "dir", parts };
  const paths = net.sysctlPaths();
  const isFile = (p) => paths.some((q) => q.length === p.length && q.every((c, n) => c === p[n]));
  const isDir = (p) => p.length === 0 || paths.some((q) => q.length > p.length && p.every((c, n) => q[n] === c));
  for (let n = 1; n < parts.length; n++) {
    if (isFile(parts.slice(0, n))) return { kind: "none", errno: "ENOTDIR" };
  }
  if (isFile(parts)) return { kind: "file", parts };
  if (isDir(parts)) return { kind: "dir", parts };
  return { kind: "none", errno: "ENOENT" };
}
var ERRSTR = { ENOENT: "No such file or directory", ENOTDIR: "Not a directory" };
function runSysctl(net, args, readFile) {
  let stdout = "";
  let stderr = "";
  const warn = (msg) => {
    stderr += `sysctl: ${msg}
`;
  };
  let status = 0;
  try {
    status = main2();
  } catch (e) {
    if (e instanceof Exit) status = e.status;
    else throw e;
  }
  return { stdout, stderr, status };
  function main2() {
    if (args.length < 1) {
      stderr += SYSCTL_USAGE;
      return 1;
    }
    let printName = true;
    let printNewline = true;
    let ignoreError = false;
    let nameOnly = false;
    let quiet = false;
    let writeMode = false;
    let displayAll = false;
    let dryRun = false;
    let preload = false;
    let preloadFile;
    let pattern;
    const g = new Getopt(["sysctl", ...args], "bneNwfp::qoxaAXr:Vdh");
    g.printErrors = true;
    for (; ; ) {
      const c = g.next(LONGOPTS);
      if (c === GETOPT_END) break;
      const ch2 = c < 256 ? String.fromCharCode(c) : "";
      if (ch2 === "b") {
        printNewline = false;
        printName = false;
      } else if (ch2 === "n") printName = false;
      else if (ch2 === "e") ignoreError = true;
      else if (ch2 === "N") nameOnly = true;
      else if (ch2 === "w") writeMode = true;
      else if (ch2 === "f" || ch2 === "p") {
        preload = true;
        if (g.optarg) preloadFile = g.optarg;
      } else if (ch2 === "q") quiet = true;
      else if (ch2 === "o" || ch2 === "x") {
      } else if (ch2 === "a" || ch2 === "A" || ch2 === "X") displayAll = true;
      else if (c === DEPRECATED) {
      } else if (c === SYSTEM) {
        return 0;
      } else if (c === DRYRUN) dryRun = true;
      else if (ch2 === "r") {
        try {
          pattern = new RegExp(g.optarg ?? "");
        } catch {
          pattern = /(?!)/;
        }
      } else if (ch2 === "V") {
        stdout += "sysctl from procps-ng 4.0.2\n";
        return 0;
      } else {
        stderr += g.takeErrors();
        stdout += SYSCTL_USAGE;
        return 0;
      }
    }
    const rest = g.argv.slice(g.optind);
    const readSetting = (name) => {
      if (!name) {
        warn(`"${name}" is an unknown key`);
        return -1;
      }
      const outname = slashdot(name, "/", ".", warn);
      const rel = slashdot(name, ".", "/", warn);
      slashdot(name, "/", ".", warn);
      const l = lookup(net, rel);
      if (l.kind === "none") {
        if (!ignoreError) {
          warn(`cannot stat ${PROC}${rel}: ${ERRSTR[l.errno]}`);
          return 1;
        }
        return 0;
      }
      if (l.kind === "dir") return displayDir(l.parts);
      if (pattern && !pattern.test(outname)) return 0;
      if (nameOnly) {
        stdout += `${outname}
`;
        return 0;
      }
      const v = net.sysctlRead(l.parts);
      if (printName) stdout += `${outname} = ${v}
`;
      else stdout += printNewline ? `${v}
` : v;
      return 0;
    };
    const displayDir = (prefix) => {
      let rc2 = 0;
      for (const p of net.sysctlPaths()) {
        if (!prefix.every((c, n) => p[n] === c)) continue;
        rc2 |= readSetting(p.join("/"));
      }
      return rc2;
    };
    const writeSetting = (path, value) => {
      const rel = path.slice(PROC.length);
      const l = lookup(net, rel);
      if (l.kind === "none") {
        if (!ignoreError) {
          warn(`cannot stat ${path}: ${ERRSTR[l.errno]}`);
          return 1;
        }
        return 0;
      }
      if (rel.replace(/\/+$/, "") === "") {
        warn(`Path is not under ${PROC}: ${path}`);
        return 1;
      }
      const dotted = slashdot(rel, "/", ".", warn);
      let rc2 = 0;
      const kind = l.kind === "file" ? net.sysctlKind(l.parts) : void 0;
      if (l.kind === "dir" || kind?.k === "ro") {
        warn(`setting key "${dotted}": Invalid argument`);
        return 0;
      }
      if (!dryRun) {
        const r = net.sysctlWrite(l.parts, value);
        if (r !== "ok") {
          warn(`setting key "${dotted}": Invalid argument`);
          return 1;
        }
      }
      if (rc2 === 0 && !quiet || dryRun) {
        if (nameOnly) stdout += `${value}
`;
        else if (printName) stdout += `${dotted} = ${value}
`;
        else stdout += printNewline ? `${value}
` : value;
      }
      rc2 = 0;
      return rc2;
    };
    const parseSetting = (where, line, text) => {
      let key = text.replace(/^\s+/, "");
      if (key.length < 2) return null;
      if (key[0] === "#" || key[0] === ";") return null;
      if (pattern && !pattern.test(key)) return null;
      const eq = key.indexOf("=");
      if (eq < 0) {
        if (key[0] === "-") return null;
        warn(`${where}(${line}): invalid syntax, continuing...`);
        return null;
      }
      let value = key.slice(eq + 1);
      key = key.slice(0, eq);
      let ignore = false;
      if (key[0] === "-") {
        ignore = true;
        key = key.slice(1);
      }
      value = value.replace(/^\s+/, "").replace(/\s+$/, "");
      key = key.replace(/\s+$/, "");
      const path = PROC + slashdot(key, ".", "/", warn);
      return { key, path, value, ignore };
    };
    if (displayAll) return displayDir([]);
    if (preload) {
      let rc2 = 0;
      const settings = [];
      const files = preloadFile !== void 0 ? [preloadFile, ...rest] : rest.length ? rest : ["/etc/sysctl.conf"];
      for (const f of files) {
        let text;
        try {
          if (!readFile) throw new Error("no files");
          text = readFile(f);
        } catch {
          warn(`cannot open "${f}": No such file or directory`);
          return 1;
        }
        let n = 0;
        const lines = text.split("\n");
        if (lines.at(-1) === "") lines.pop();
        for (const line of lines) {
          n++;
          if (line.length + 1 < 2) continue;
          const s = parseSetting(f, n, line);
          if (s) settings.push(s);
        }
      }
      for (const s of settings) rc2 |= writeSetting(s.path, s.value);
      return rc2;
    }
    if (rest.length < 1) {
      stderr += "sysctl: no variables specified\nTry `sysctl --help' for more information.\n";
      return 1;
    }
    if (nameOnly && quiet) {
      stderr += "sysctl: options -N and -q cannot coexist\nTry `sysctl --help' for more information.\n";
      return 1;
    }
    let rc = 0;
    for (const arg of rest) {
      if (writeMode || arg.includes("=")) {
        const s = parseSetting("command line", 0, arg);
        if (s) rc |= writeSetting(s.path, s.value);
        else rc |= 1;
      } else rc += readSetting(arg);
    }
    return rc;
  }
}

// src/engine/rewrites.ts
function headerSnapshot(p) {
  return [p.src, p.dst, p.sport, p.dport, p.icmpId, p.tos, p.ttl, p.mark];
}
function hasPorts2(p) {
  return p.proto === IPPROTO_TCP || p.proto === IPPROTO_UDP || p.proto === 132 || p.proto === 33 || p.proto === 136;
}
function endpoint(addr2, port2, ports) {
  return ports ? `${formatIPv4(addr2)}:${port2}` : formatIPv4(addr2);
}
function hex5(n) {
  return `0x${(n >>> 0).toString(16)}`;
}
function diffHeaders(s, p, table, hook, out) {
  const ports = hasPorts2(p) && !p.isFragment();
  if (s[0] !== p.src || ports && s[2] !== p.sport) {
    out.push({
      table,
      hook,
      field: "src",
      before: endpoint(s[0], s[2], ports),
      after: endpoint(p.src, p.sport, ports)
    });
  }
  if (s[1] !== p.dst || ports && s[3] !== p.dport) {
    out.push({
      table,
      hook,
      field: "dst",
      before: endpoint(s[1], s[3], ports),
      after: endpoint(p.dst, p.dport, ports)
    });
  }
  if (p.proto === IPPROTO_ICMP && s[4] !== p.icmpId)
    out.push({
      table,
      hook,
      field: "id",
      before: String(s[4]),
      after: String(p.icmpId)
    });
  if (s[5] !== p.tos)
    out.push({
      table,
      hook,
      field: "tos",
      before: hex5(s[5]),
      after: hex5(p.tos)
    });
  if (s[6] !== p.ttl)
    out.push({
      table,
      hook,
      field: "ttl",
      before: String(s[6]),
      after: String(p.ttl)
    });
  if (s[7] !== p.mark)
    out.push({
      table,
      hook,
      field: "mark",
      before: hex5(s[7]),
      after: hex5(p.mark)
    });
}

// src/engine/stack.ts
var HOOK_TABLES = {
  [NF_INET_PRE_ROUTING]: ["raw", "@conntrack", "mangle", "@nat"],
  [NF_INET_LOCAL_IN]: ["mangle", "filter", "security", "@nat", "@confirm"],
  [NF_INET_FORWARD]: ["mangle", "filter", "security"],
  [NF_INET_LOCAL_OUT]: ["raw", "@conntrack", "mangle", "@nat", "filter", "security"],
  [NF_INET_POST_ROUTING]: ["mangle", "@nat", "@confirm"]
};
var NetStack = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  compiled = /* @__PURE__ */ new Map();
  journey = null;
  /** Nesting depth of locally generated packets (a REJECT reply inside a receive). */
  depth = 0;
  /** Trace ids handed out (a deterministic stand-in for the kernel's skb hash). */
  traceSeq = 0;
  // ---- NetView for extensions ----
  addrType(addr2, dev) {
    return this.deps.net.addrType(addr2, dev);
  }
  routeDev(dst, src, mark) {
    const r = this.deps.net.fibLookup({ dst, src, mark }, 0, true);
    return r?.oif ? this.deps.net.nameOf(r.oif) : "";
  }
  primaryAddr(dev) {
    return this.deps.net.iface(dev)?.addrs[0]?.addr;
  }
  devGroup(dev) {
    return this.deps.net.iface(dev)?.group ?? 0;
  }
  mtu(dev) {
    return this.deps.net.iface(dev)?.mtu ?? 1500;
  }
  // ---- compiled tables ----
  table(name) {
    const t = this.deps.ruleset.table(name);
    const hit = this.compiled.get(name);
    if (hit && hit.table === t) return hit.c;
    const c = compileTable(t);
    this.compiled.set(name, { table: t, c });
    return c;
  }
  /** Compiles every table now, so that a rule without packet semantics fails before any packet moves. */
  prepare() {
    for (const name of this.deps.ruleset.tables.keys()) this.table(name);
  }
  ctx(hook, table) {
    return {
      hook,
      table,
      nowNs: this.deps.nowNs(),
      hotdrop: false,
      net: this,
      random32: () => this.deps.rng.next32(),
      log: (level, line) => this.deps.log(level, line),
      sendLocal: (p) => this.output(p),
      shared: this.deps.shared,
      wallSeconds: this.deps.wallSeconds?.(),
      dup: (p, gw, oif) => this.dup(p, gw, oif),
      reply: {
        icmpError: (p, type, code2) => this.deps.local.icmpError(p, type, code2, (r) => this.output(r)),
        tcpReset: (p) => this.deps.local.tcpReset?.(p, (r) => this.output(r))
      }
    };
  }
  /**
   * Runs the hook's tables in priority order. Returns NF_ACCEPT or the
   * terminal verdict, recording where the packet stopped.
   */
  hook(hook, p) {
    const now = this.deps.nowNs();
    for (const name of HOOK_TABLES[hook]) {
      if (name === "@conntrack") {
        if (this.deps.conntrack.active() && !this.deps.conntrack.in(p, hook, now)) return this.stop(NF_DROP2, "conntrack", "", 0, hook);
        continue;
      }
      if (name === "@confirm") {
        if (p.ct && this.deps.conntrack.confirm(p, now) === false) return this.stop(NF_DROP2, "conntrack", "", 0, hook);
        continue;
      }
      if (name === "@nat") {
        if (!p.ct) continue;
        const t2 = this.table("nat");
        const snap2 = this.journey?.rewrites && this.depth === 0 ? headerSnapshot(p) : null;
        let decided;
        const v = this.deps.nat.hook(
          p,
          hook,
          () => {
            const r2 = this.runTable(t2, hook, p);
            decided = r2.decided;
            return r2.verdict;
          },
          now
        );
        if (snap2) diffHeaders(snap2, p, "nat", hook, this.journey.rewrites);
        if (queueBypass(v)) continue;
        if (v !== NF_ACCEPT2) return this.stop(v, "nat", decided?.chain ?? "", decided?.rule ?? 0, hook);
        continue;
      }
      const t = this.table(name);
      if (t.base[hook] < 0) continue;
      const snap = this.journey?.rewrites && this.depth === 0 ? headerSnapshot(p) : null;
      const r = this.runTable(t, hook, p);
      if (snap) diffHeaders(snap, p, name, hook, this.journey.rewrites);
      if (queueBypass(r.verdict)) continue;
      if (r.verdict !== NF_ACCEPT2) return this.stop(r.verdict, name, r.decided.chain, r.decided.rule, hook);
    }
    return NF_ACCEPT2;
  }
  runTable(t, hook, p) {
    const ctx = this.ctx(hook, t.table.name);
    let first = true;
    const v = runHook(t, hook, p, ctx, (e) => {
      if (p.traceId === 0) p.traceId = traceHash(++this.traceSeq);
      this.journey?.trace.push(first ? { hook, event: e, id: p.traceId, pkt: p.clone() } : { hook, event: e, id: p.traceId });
      first = false;
    });
    const d = ctx.decided;
    return { verdict: v, decided: d ?? { chain: "", rule: 0 } };
  }
  stop(v, table, chain, rule, hook) {
    if (this.journey && this.depth === 0) {
      if (v === NF_DROP2) this.journey.fate = { kind: "dropped", table, chain, rule, hook };
      else if (v === NF_STOLEN) this.journey.fate = { kind: "stolen", table, chain, rule };
      else if ((v & 255) === NF_QUEUE) this.journey.fate = { kind: "queued", table, chain, rule };
    }
    return (v & 255) === NF_QUEUE ? NF_DROP2 : v;
  }
  begin(p, watch) {
    const rep = { fate: { kind: "discarded", reason: "" }, final: p, emitted: [], trace: [] };
    if (watch) rep.rewrites = [];
    this.journey = rep;
    return rep;
  }
  /** A packet arriving on `dev` from the wire; `watch` records header rewrites. */
  receive(p, dev, watch = false) {
    const rep = this.begin(p, watch);
    this.rx(p, dev);
    this.journey = null;
    return rep;
  }
  /** A packet the host itself sends (an application's, or --local). */
  send(p, watch = false) {
    const rep = this.begin(p, watch);
    this.output(p);
    this.journey = null;
    return rep;
  }
  setFate(f) {
    if (this.journey && this.depth === 0 && this.journey.fate.kind === "discarded" && this.journey.fate.reason === "") this.journey.fate = f;
  }
  discard(reason) {
    this.setFate({ kind: "discarded", reason });
  }
  rx(p, dev) {
    const net = this.deps.net;
    const iface = net.iface(dev);
    if (!iface || !iface.up) return this.discard(`interface ${dev} is down or missing`);
    p.inDev = dev;
    p.outDev = "";
    if (this.hook(NF_INET_PRE_ROUTING, p) !== NF_ACCEPT2) return;
    const r = this.routeInput(p, dev);
    if (r === "local") {
      if (this.hook(NF_INET_LOCAL_IN, p) !== NF_ACCEPT2) return;
      this.setFate({ kind: "delivered" });
      this.deps.local.deliver(p, (reply) => this.output(reply));
      return;
    }
    if (r === null) return;
    this.forward(p, r);
  }
  /** ip_route_input(): "local", a forwarding route, or null (dropped, with any ICMP sent). */
  routeInput(p, dev) {
    const net = this.deps.net;
    if (p.src === 4294967295 || p.src >>> 28 === 14 || p.src >>> 24 === 0 && p.src !== 0) {
      this.discard(`martian source ${formatIPv4(p.src)}`);
      return null;
    }
    const local = net.lookup(p.dst);
    const loopbackDst = p.dst >>> 24 === 127;
    if (loopbackDst && dev !== "lo" && !net.confInt(dev, "route_localnet", "or")) {
      this.discard(`martian destination ${formatIPv4(p.dst)}`);
      return null;
    }
    if (local && (local.type === "local" || local.type === "broadcast")) return "local";
    if (p.dst === 4294967295) return "local";
    if (!net.confInt(dev, "forwarding", "and") && !net.sysctlInt("net.ipv4.ip_forward")) {
      this.discard("not for this host and forwarding is off");
      return null;
    }
    if (!local) {
      this.discard("no route to host");
      this.routeError(p, 0);
      return null;
    }
    if (local.type === "blackhole") {
      this.discard("blackhole route");
      return null;
    }
    if (local.type === "unreachable" || local.type === "prohibit") {
      this.discard(`${local.type} route`);
      this.routeError(p, local.type === "unreachable" ? 1 : 13);
      return null;
    }
    return local;
  }
  routeError(p, code2) {
    const send = (reply) => this.output(reply);
    if (this.deps.local.routeError) this.deps.local.routeError(p, code2, send);
    else this.deps.local.icmpError(p, 3, code2, send);
  }
  /** ip_forward(): TTL, then FORWARD, then out. */
  forward(p, r) {
    if (p.ttl <= 1) {
      this.discard("TTL expired in transit");
      this.deps.local.icmpError(p, 11, 0, (reply) => this.output(reply));
      return;
    }
    p.ttl--;
    p.outDev = r.dev;
    if (this.hook(NF_INET_FORWARD, p) !== NF_ACCEPT2) return;
    if (this.hook(NF_INET_POST_ROUTING, p) !== NF_ACCEPT2) return;
    this.setFate({ kind: "forwarded", dev: p.outDev });
    this.xmit(p.outDev, p);
  }
  /** ip_local_out(): route, OUTPUT, reroute when NAT or mangle changed the packet, POSTROUTING. */
  output(p) {
    this.depth += p === this.journey?.final ? 0 : 1;
    try {
      const net = this.deps.net;
      let r = net.lookup(p.dst);
      if (!r || r.type === "blackhole" || r.type === "unreachable" || r.type === "prohibit") {
        return this.discard("no route to host");
      }
      if (p.src === 0) p.src = r.src;
      p.inDev = "";
      p.outDev = r.type === "local" ? "lo" : r.dev;
      const before2 = { dst: p.dst, mark: p.mark, tos: p.tos };
      if (this.hook(NF_INET_LOCAL_OUT, p) !== NF_ACCEPT2) return;
      if (p.dst !== before2.dst || p.mark !== before2.mark || p.tos !== before2.tos) {
        r = net.lookup(p.dst);
        if (!r) return this.discard("no route to host after rerouting");
        p.outDev = r.type === "local" ? "lo" : r.dev;
      }
      if (this.hook(NF_INET_POST_ROUTING, p) !== NF_ACCEPT2) return;
      if (p.outDev === "lo") {
        this.setFate({ kind: "sent", dev: "lo" });
        const again = p.clone();
        again.inDev = "lo";
        again.traceId = 0;
        this.rx(again, "lo");
        return;
      }
      this.setFate({ kind: "sent", dev: p.outDev });
      this.xmit(p.outDev, p);
    } finally {
      this.depth -= p === this.journey?.final ? 0 : 1;
    }
  }
  /** nf_dup_ipv4() (TEE): the copy is routed with `gw` as next hop and sent as a local packet. */
  dup(p, gw, oif) {
    const net = this.deps.net;
    const o = oif ? net.iface(oif) : void 0;
    const r = net.routeOutput({ dst: gw, oif: o?.index, tos: p.tos & 252 });
    if ("errno" in r) return;
    this.depth++;
    try {
      p.inDev = "";
      p.outDev = net.nameOf(r.oif);
      if (this.hook(NF_INET_LOCAL_OUT, p) !== NF_ACCEPT2) return;
      if (this.hook(NF_INET_POST_ROUTING, p) !== NF_ACCEPT2) return;
      this.xmit(p.outDev, p);
    } finally {
      this.depth--;
    }
  }
  xmit(dev, p) {
    const iface = this.deps.net.iface(dev);
    if (iface) {
      p.macSrc = iface.mac;
      p.hasMac = true;
    }
    this.journey?.emitted.push({ dev, pkt: p.clone() });
  }
};
function queueBypass(v) {
  return v >= 0 && (v & 255) === NF_QUEUE && (v & 32768) !== 0;
}
function traceHash(n) {
  let h = Math.imul(n ^ 1540483477, 2654435761);
  h ^= h >>> 15;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  return h >>> 0 || 1;
}

// src/engine/local.ts
var HZ4 = 250;
var INITIAL_JIFFIES = -300 * HZ4 >>> 0;
var IPPROTO_IGMP = 2;
var IPPROTO_UDPLITE3 = 136;
var KNOWN_PROTOS = /* @__PURE__ */ new Set([IPPROTO_ICMP, IPPROTO_IGMP, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_UDPLITE3]);
var ICMP_ECHOREPLY = 0;
var ICMP_DEST_UNREACH = 3;
var ICMP_ECHO = 8;
var ICMP_TIMESTAMP = 13;
var ICMP_TIMESTAMPREPLY = 14;
var ICMP_ADDRESS = 17;
var ICMP_ADDRESSREPLY = 18;
var NR_ICMP_TYPES = 18;
var ICMP_PORT_UNREACH = 3;
var ICMP_PROT_UNREACH = 2;
var ICMP_FRAG_NEEDED = 4;
var ICMP_ERROR_TYPES = /* @__PURE__ */ new Set([3, 4, 5, 11, 12]);
var INADDR_DUMMY = 3221225480;
var SYSCTL_DEFAULTS = {
  "net.ipv4.ip_default_ttl": "64",
  "net.ipv4.icmp_echo_ignore_all": "0",
  "net.ipv4.icmp_echo_ignore_broadcasts": "1",
  "net.ipv4.icmp_ratelimit": "1000",
  "net.ipv4.icmp_ratemask": "6168",
  "net.ipv4.icmp_msgs_per_sec": "1000",
  "net.ipv4.icmp_msgs_burst": "50",
  "net.ipv4.icmp_errors_use_inbound_ifaddr": "0",
  "net.ipv4.fwmark_reflect": "0",
  "net.ipv4.tcp_timestamps": "1",
  "net.ipv4.tcp_sack": "1",
  "net.ipv4.tcp_window_scaling": "1",
  "net.ipv4.tcp_ecn": "2",
  "net.ipv4.tcp_rmem": "4096	131072	33554432",
  "net.core.rmem_max": "212992",
  "net.ipv4.route.error_cost": "250",
  "net.ipv4.route.error_burst": "1250"
};
var SOMAXCONN = 4096;
var SS_COLUMNS = [
  { header: "Netid", right: false, ldelim: "" },
  { header: "State", right: false, ldelim: " " },
  { header: "Recv-Q", right: false, ldelim: " " },
  { header: "Send-Q", right: false, ldelim: " " },
  { header: "Local Address:", right: true, ldelim: " " },
  { header: "Port", right: false, ldelim: "" },
  { header: "Peer Address:", right: true, ldelim: " " },
  { header: "Port", right: false, ldelim: "" },
  { header: "Process", right: false, ldelim: "" }
];
var Sockets = class {
  bound = [];
  conns = /* @__PURE__ */ new Map();
  /** bind() + listen() (TCP) or bind() (UDP); the address 0 is INADDR_ANY. */
  listen(proto2, addr2, port2, backlog = SOMAXCONN) {
    const clash = this.bound.find(
      (s2) => s2.proto === proto2 && s2.port === port2 && (s2.addr === addr2 || s2.addr === 0 || addr2 === 0)
    );
    if (clash) throw new Error(`${proto2} ${formatIPv4(addr2)}:${port2}: Address already in use`);
    const s = {
      proto: proto2,
      addr: addr2 >>> 0,
      port: port2,
      backlog: proto2 === "tcp" ? Math.min(backlog, SOMAXCONN) : 0,
      uid: 0,
      gid: 0
    };
    this.bound.push(s);
    return s;
  }
  /** close() of a listener: its half-open requests and unaccepted children go with it. */
  unlisten(proto2, addr2, port2) {
    const i = this.bound.findIndex((s2) => s2.proto === proto2 && s2.addr === addr2 >>> 0 && s2.port === port2);
    if (i < 0) return false;
    const [s] = this.bound.splice(i, 1);
    for (const [k, c] of this.conns) if (c.listener === s) this.conns.delete(k);
    return true;
  }
  /** The socket a packet to dst:port reaches: a socket bound to that address first, then a wildcard one. */
  lookup(proto2, dst, port2) {
    let wild;
    for (const s of this.bound) {
      if (s.proto !== proto2 || s.port !== port2) continue;
      if (s.addr === dst >>> 0) return s;
      if (s.addr === 0) wild = s;
    }
    return wild;
  }
  /** Children waiting in a listener's accept queue (ss Recv-Q of the listener). */
  acceptQueue(s) {
    let n = 0;
    for (const c of this.conns.values()) if (c.listener === s && c.state !== "SYN-RECV") n++;
    return n;
  }
  /**
   * `ss` for TCP/UDP sockets: -t -u -l -a -n -H -4 and combinations (no
   * filters, no -p process column: the twin has no processes). Sockets are
   * listed in creation order; the kernel's order is its hash tables' (random
   * per namespace).
   */
  ss(argv) {
    let tcp = false;
    let udp = false;
    let listening = false;
    let all = false;
    let numeric = false;
    let header = true;
    for (const a of argv) {
      if (a === "--tcp") tcp = true;
      else if (a === "--udp") udp = true;
      else if (a === "--listening") listening = true;
      else if (a === "--all") all = true;
      else if (a === "--numeric") numeric = true;
      else if (a === "--no-header") header = false;
      else if (a === "--ipv4") continue;
      else if (/^-[a-zA-Z0-9]+$/.test(a)) {
        for (const ch2 of a.slice(1)) {
          if (ch2 === "t") tcp = true;
          else if (ch2 === "u") udp = true;
          else if (ch2 === "l") listening = true;
          else if (ch2 === "a") all = true;
          else if (ch2 === "n") numeric = true;
          else if (ch2 === "H") header = false;
          else if (ch2 === "4" || ch2 === "p" || ch2 === "o" || ch2 === "e") continue;
          else
            return {
              stdout: "",
              stderr: `ss: invalid option -- '${ch2}'
`,
              status: 1
            };
        }
      } else
        return {
          stdout: "",
          stderr: `ss: bad filter: ${a} (the twin's ss takes no filters)
`,
          status: 1
        };
    }
    if (!tcp && !udp) {
      tcp = true;
      udp = true;
    }
    const showNetid = tcp && udp;
    const rows = [];
    const port2 = (p, proto2) => {
      if (p === 0) return "*";
      if (numeric || p >= 32768 && p <= 60999) return String(p);
      return getServByPort(p, proto2) ?? String(p);
    };
    const q = (n) => String(n).padEnd(6);
    const row = (proto2, state, rq, wq, la, lp, ra, rp) => rows.push([
      proto2,
      state,
      q(rq),
      q(wq),
      `${formatIPv4(la)}:`,
      port2(lp, proto2),
      `${formatIPv4(ra)}:`,
      port2(rp, proto2),
      ""
    ]);
    if (udp) {
      for (const s of this.bound) {
        if (s.proto === "udp" && (listening || all)) row("udp", "UNCONN", 0, 0, s.addr, s.port, 0, 0);
      }
    }
    if (tcp) {
      if (listening || all) {
        for (const s of this.bound) {
          if (s.proto === "tcp") row("tcp", "LISTEN", this.acceptQueue(s), s.backlog, s.addr, s.port, 0, 0);
        }
      }
      if (!listening || all) {
        for (const c of this.conns.values()) {
          if (c.state === "SYN-RECV" && !all) continue;
          const state = c.state === "CLOSE" ? "CLOSE-WAIT" : c.state;
          row("tcp", state, c.state === "SYN-RECV" ? 0 : c.unread, 0, c.laddr, c.lport, c.raddr, c.rport);
        }
      }
    }
    return { stdout: ssRender(rows, showNetid, header), stderr: "", status: 0 };
  }
};
function ssRender(rows, showNetid, header) {
  const cols = SS_COLUMNS.map((c, i) => ({ ...c, i })).filter((c) => c.i !== 0 || showNetid);
  const lines = [];
  if (header) lines.push(cols.map((c) => c.header));
  for (const r of rows) lines.push(cols.map((c) => r[c.i]));
  const widths = cols.map((c, k) => {
    const max = Math.max(0, ...lines.map((l) => l[k].length));
    return k > 0 && max > 0 ? max + c.ldelim.length : max;
  });
  let out = "";
  for (const l of lines) {
    let s = "";
    cols.forEach((c, k) => {
      const w = widths[k];
      let printed = 0;
      if (k > 0) {
        s += c.ldelim;
        printed = c.ldelim.length;
      }
      const text = l[k];
      if (c.right && w) {
        const pad = w - text.length - printed;
        if (pad > 0) s += " ".repeat(pad);
        s += text;
      } else {
        s += text;
        printed += text.length;
        if (w && w - printed > 0) s += " ".repeat(w - printed);
      }
    });
    out += `${s}
`;
  }
  return out;
}
function parseTcpOptions(opts) {
  const r = { sackPerm: false };
  if (!opts) return r;
  for (let i = 0; i < opts.length; ) {
    const kind = opts[i];
    if (kind === 0) break;
    if (kind === 1) {
      i++;
      continue;
    }
    const len = opts[i + 1] ?? 0;
    if (len < 2 || i + len > opts.length) break;
    if (kind === 2 && len === 4) r.mss = opts[i + 2] << 8 | opts[i + 3];
    else if (kind === 3 && len === 3) r.ws = opts[i + 2];
    else if (kind === 4 && len === 2) r.sackPerm = true;
    else if (kind === 8 && len === 10)
      r.tsval = (opts[i + 2] << 24 | opts[i + 3] << 16 | opts[i + 4] << 8 | opts[i + 5]) >>> 0;
    i += len;
  }
  return r;
}
function u32be(v) {
  return [v >>> 24 & 255, v >>> 16 & 255, v >>> 8 & 255, v & 255];
}
var connKey = (laddr, lport, raddr, rport) => `${laddr}:${lport}-${raddr}:${rport}`;
var LocalHost = class {
  constructor(deps) {
    this.deps = deps;
    this.sockets = deps.sockets ?? new Sockets();
  }
  deps;
  sockets;
  /** inet_peer entries: the per-destination token bucket of icmp_ratelimit and ip_error. */
  peers = /* @__PURE__ */ new Map();
  /** ip_idents buckets: per (destination, source, protocol). */
  idents = /* @__PURE__ */ new Map();
  /** TSval offsets per address pair. */
  tsOffsets = /* @__PURE__ */ new Map();
  /** icmp_global_credit / icmp_global_stamp. */
  globalCredit = 0;
  globalStamp = 0;
  closedSeq = 0;
  /**
   * Sysctls the NetConfig does not know yet (tcp_*, icmp_msgs_*, route.error_*), as
   * /proc/sys text; NetConfig's own value wins when it has the file.
   */
  sysctls = /* @__PURE__ */ new Map();
  // ---- helpers ----
  sysctlText(name) {
    return this.deps.net.sysctlRead(name.split(".")) ?? this.sysctls.get(name) ?? SYSCTL_DEFAULTS[name] ?? "0";
  }
  sysctl(name) {
    return Number.parseInt(this.sysctlText(name), 10) || 0;
  }
  sysctlList(name) {
    return this.sysctlText(name).trim().split(/\s+/).map((x) => Number.parseInt(x, 10) || 0);
  }
  /** jiffies at the current virtual time (u32). */
  jiffies() {
    return INITIAL_JIFFIES + Math.floor(this.deps.nowNs() / (1e9 / HZ4)) >>> 0;
  }
  nowMs() {
    return Math.floor(this.deps.nowNs() / 1e6);
  }
  ttl() {
    return this.sysctl("net.ipv4.ip_default_ttl");
  }
  replyMark(orig) {
    return this.sysctl("net.ipv4.fwmark_reflect") ? orig.mark : 0;
  }
  /** Where a packet's route went: the rt_flags and rt_type icmp_send() and tcp_v4_send_reset() check. */
  routeClass(p) {
    const dst = p.dst >>> 0;
    if (dst >>> 28 === 14) return "multicast";
    if (dst === 4294967295) return "broadcast";
    const r = this.deps.net.lookup(dst);
    if (r?.type === "broadcast") return "broadcast";
    if (r?.type === "local") return p.inDev ? "local" : "output";
    return p.inDev ? "forward" : "output";
  }
  /** ip_idents_reserve(): the IP ID of a packet without DF, from a hashed bucket. */
  ipIdent(dst, src, proto2) {
    const key = `${dst}/${src}/${proto2}`;
    const now = this.jiffies();
    let b = this.idents.get(key);
    if (!b) {
      b = { id: this.deps.rng.next32() & 65535, stamp: now };
      this.idents.set(key, b);
    } else if (b.stamp !== now) {
      const gap = now - b.stamp >>> 0;
      b.stamp = now;
      b.id = b.id + Math.floor(this.deps.rng.next32() / 4294967296 * gap) & 65535;
    }
    const id = b.id;
    b.id = b.id + 1 & 65535;
    return id;
  }
  peer(addr2) {
    let p = this.peers.get(addr2 >>> 0);
    if (!p) {
      p = { tokens: 0, last: this.jiffies() - 60 * HZ4 >>> 0 };
      this.peers.set(addr2 >>> 0, p);
    }
    return p;
  }
  /** inet_peer_xrlim_allow() */
  xrlimAllow(p, timeout) {
    let token = p.tokens;
    const now = this.jiffies();
    const delta = now - p.last >>> 0;
    if (delta) {
      p.last = now;
      token = Math.min(token + delta, 6 * timeout);
    }
    let rc = false;
    if (token >= timeout) {
      token -= timeout;
      rc = true;
    }
    p.tokens = token;
    return rc;
  }
  /** icmpv4_mask_allow(): true when this type is not rate limited. */
  maskAllow(type, code2) {
    if (type > NR_ICMP_TYPES) return true;
    if (type === ICMP_DEST_UNREACH && code2 === ICMP_FRAG_NEEDED) return true;
    return !(1 << type & this.sysctl("net.ipv4.icmp_ratemask"));
  }
  /** icmp_global_allow() */
  globalAllow() {
    if (this.globalCredit > 0) return true;
    const now = this.jiffies();
    const delta = Math.min(now - this.globalStamp >>> 0, HZ4);
    if (delta < Math.floor(HZ4 / 50)) return false;
    const incr = Math.floor(this.sysctl("net.ipv4.icmp_msgs_per_sec") * delta / HZ4);
    if (!incr) return false;
    this.globalStamp = now;
    this.globalCredit = Math.min(this.globalCredit + incr, this.sysctl("net.ipv4.icmp_msgs_burst"));
    return true;
  }
  /** icmp_global_consume(): a random 0..2 credits. */
  globalConsume() {
    this.globalCredit -= this.deps.rng.below(3);
  }
  /** MSS advertised for a route through `dev` (ipv4_default_advmss()). */
  advmss(dev) {
    const mtu = this.deps.net.iface(dev)?.mtu ?? 1500;
    return Math.min(Math.max(mtu - 40, 256), 65535 - 40);
  }
  tsOffset(laddr, raddr) {
    if (this.sysctl("net.ipv4.tcp_timestamps") === 2) return 0;
    const key = `${laddr}-${raddr}`;
    let off = this.tsOffsets.get(key);
    if (off === void 0) {
      off = this.deps.rng.next32();
      this.tsOffsets.set(key, off);
    }
    return off;
  }
  // ---- LocalStack ----
  /** ip_local_deliver_finish(): the protocol handlers. */
  deliver(p, send) {
    if (p.frag & (IP_OFFMASK | 8192)) return;
    switch (p.proto) {
      case IPPROTO_TCP:
        this.tcpRcv(p, send);
        break;
      case IPPROTO_UDP:
      case IPPROTO_UDPLITE3:
        this.udpRcv(p, send);
        break;
      case IPPROTO_ICMP:
        this.icmpRcv(p, send);
        break;
      default:
        if (!KNOWN_PROTOS.has(p.proto)) this.icmpError(p, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH, send);
    }
  }
  /**
   * __icmp_send(): an ICMP error about `orig` (as it is at the calling hook),
   * if the kernel would send one; `info` is the rest-of-header word (the MTU of
   * fragmentation-needed).
   */
  icmpError(orig, type, code2, send, info = 0) {
    const cls = this.routeClass(orig);
    if (orig.pktType !== PACKET_HOST) return;
    if (cls === "broadcast" || cls === "multicast") return;
    if (orig.frag & IP_OFFMASK) return;
    if (ICMP_ERROR_TYPES.has(type) && orig.proto === IPPROTO_ICMP) {
      if (origTotal(orig) - orig.ihl < 1) return;
      if (orig.icmpType > NR_ICMP_TYPES || ICMP_ERROR_TYPES.has(orig.icmpType)) return;
    }
    const net = this.deps.net;
    const fromLoopback = orig.inDev === "lo";
    let applyRatelimit = false;
    if (!fromLoopback) {
      if (!this.maskAllow(type, code2)) {
        if (!this.globalAllow()) return;
        applyRatelimit = true;
      }
    }
    let saddr = orig.dst >>> 0;
    if (cls !== "local") {
      saddr = 0;
      if (cls === "forward" && this.sysctl("net.ipv4.icmp_errors_use_inbound_ifaddr"))
        saddr = net.sourceFor(orig.inDev, orig.src >>> 0);
    }
    const route = net.lookup(orig.src >>> 0);
    if (!route || route.type === "blackhole" || route.type === "unreachable" || route.type === "prohibit") return;
    const outDev = route.type === "local" ? "lo" : route.dev;
    if (applyRatelimit && outDev !== "lo") {
      const rl = this.sysctl("net.ipv4.icmp_ratelimit");
      if (!this.xrlimAllow(this.peer(orig.src), Math.round(rl * HZ4 / 1e3))) return;
    }
    if (applyRatelimit) this.globalConsume();
    if (!saddr) saddr = route.src || INADDR_DUMMY;
    const mtu = outDev === "lo" ? net.iface("lo")?.mtu ?? 65536 : net.iface(outDev)?.mtu ?? 1500;
    const room = Math.min(mtu, 576) - 20 - 8;
    if (room <= 20) return;
    const origLen = origTotal(orig);
    const dataLen = Math.min(origLen, room);
    const r = new Packet();
    r.tos = ICMP_ERROR_TYPES.has(type) ? orig.tos & 30 | 192 : orig.tos;
    r.ttl = this.ttl();
    r.proto = IPPROTO_ICMP;
    r.src = saddr >>> 0;
    r.dst = orig.src >>> 0;
    r.frag = 0;
    r.id = this.ipIdent(r.dst, r.src, IPPROTO_ICMP);
    r.icmpType = type;
    r.icmpCode = code2;
    r.icmpRest = info >>> 0;
    const inner = orig.clone();
    inner.len = origLen;
    r.inner = inner;
    r.innerLen = dataLen - inner.ihl;
    r.len = 20 + 8 + dataLen;
    r.mark = this.replyMark(orig);
    r.sockKind = SOCK_KERNEL;
    attachRelated(r, orig);
    send(r);
  }
  /** ip_error(): ICMP for a packet routing refused (no route, unreachable, prohibit), behind its own peer limit. */
  routeError(orig, code2, send) {
    const p = this.peer(orig.src);
    const now = this.jiffies();
    const cost = this.sysctl("net.ipv4.route.error_cost");
    const burst = this.sysctl("net.ipv4.route.error_burst");
    p.tokens = Math.min(p.tokens + (now - p.last >>> 0), burst);
    p.last = now;
    if (p.tokens < cost) return;
    p.tokens -= cost;
    this.icmpError(orig, ICMP_DEST_UNREACH, code2, send);
  }
  /**
   * nf_send_reset() (REJECT --reject-with tcp-reset): a RST from the
   * original's destination, ID 0 with DF, TOS 0, TTL from the route
   * (ip_default_ttl); nothing for a fragment, a RST or a broadcast.
   */
  tcpReset(orig, send) {
    if (orig.frag & IP_OFFMASK || orig.proto !== IPPROTO_TCP) return;
    if (origTotal(orig) - orig.ihl < 20) return;
    if (orig.tcpFlags & TCP_RST) return;
    const cls = this.routeClass(orig);
    if (cls === "broadcast" || cls === "multicast") return;
    const r = resetFor(orig, this.ttl(), 0, null);
    r.mark = this.replyMark(orig);
    attachRelated(r, orig);
    send(r);
  }
  // ---- UDP ----
  udpRcv(p, send) {
    if (origTotal(p) - p.ihl < 8) return;
    const cls = this.routeClass(p);
    if (p.proto === IPPROTO_UDP && this.sockets.lookup("udp", p.dst, p.dport)) return;
    if (cls !== "local") return;
    const q = p.clone();
    q.ct = null;
    q.ctinfo = 0;
    this.icmpError(q, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, send);
  }
  // ---- ICMP ----
  icmpRcv(p, send) {
    if (origTotal(p) - p.ihl < 8) return;
    const cls = this.routeClass(p);
    const t = p.icmpType;
    if (cls === "broadcast" || cls === "multicast") {
      if ((t === ICMP_ECHO || t === ICMP_TIMESTAMP) && this.sysctl("net.ipv4.icmp_echo_ignore_broadcasts")) return;
      if (t !== ICMP_ECHO && t !== ICMP_TIMESTAMP && t !== ICMP_ADDRESS && t !== ICMP_ADDRESSREPLY) return;
    }
    if (t === ICMP_ECHO) {
      if (this.sysctl("net.ipv4.icmp_echo_ignore_all")) return;
      const r = this.icmpReplyBase(p, cls);
      r.icmpType = ICMP_ECHOREPLY;
      r.icmpCode = p.icmpCode;
      r.icmpId = p.icmpId;
      r.icmpSeq = p.icmpSeq;
      r.payload = p.payload;
      r.len = 20 + 8 + Math.max(0, origTotal(p) - p.ihl - 8);
      send(r);
    } else if (t === ICMP_TIMESTAMP) {
      if (origTotal(p) - p.ihl - 8 < 4) return;
      const r = this.icmpReplyBase(p, cls);
      r.icmpType = ICMP_TIMESTAMPREPLY;
      r.icmpCode = 0;
      r.icmpId = p.icmpId;
      r.icmpSeq = p.icmpSeq;
      const wall = this.deps.wallMs ? this.deps.wallMs() : this.nowMs();
      const ms = (wall % 864e5 + 864e5) % 864e5;
      const orig = p.payload ?? new Uint8Array(4);
      r.payload = new Uint8Array([orig[0] ?? 0, orig[1] ?? 0, orig[2] ?? 0, orig[3] ?? 0, ...u32be(ms), ...u32be(ms)]);
      r.len = 20 + 8 + 12;
      send(r);
    }
  }
  /** icmp_reply(): from the address the request was for (the interface's own for a broadcast). */
  icmpReplyBase(p, cls) {
    const r = new Packet();
    r.tos = p.tos;
    r.ttl = this.ttl();
    r.proto = IPPROTO_ICMP;
    r.src = cls === "local" ? p.dst >>> 0 : this.deps.net.sourceFor(p.inDev, p.src >>> 0);
    r.dst = p.src >>> 0;
    r.frag = 0;
    r.id = this.ipIdent(r.dst, r.src, IPPROTO_ICMP);
    r.mark = this.replyMark(p);
    r.sockKind = SOCK_KERNEL;
    return r;
  }
  // ---- TCP ----
  tcpRcv(p, send) {
    if (this.routeClass(p) !== "local") return;
    if (origTotal(p) - p.ihl < 20) return;
    const f = p.tcpFlags;
    const key = connKey(p.dst >>> 0, p.dport, p.src >>> 0, p.sport);
    const conn = this.sockets.conns.get(key);
    if (conn && conn.state !== "CLOSE") {
      if (conn.state === "SYN-RECV") this.tcpCheckReq(conn, key, p, send);
      else this.tcpEstablished(conn, p, send);
      return;
    }
    const l = this.sockets.lookup("tcp", p.dst, p.dport);
    if (!l) {
      if (!(f & TCP_RST)) send(resetFor(p, this.ttl(), p.tos & ~3, "ctl"));
      return;
    }
    if (f & TCP_ACK) {
      if (!(f & TCP_RST)) send(resetFor(p, this.ttl(), p.tos & ~3, l));
      return;
    }
    if (f & TCP_RST || !(f & TCP_SYN) || f & TCP_FIN) return;
    if (this.sockets.acceptQueue(l) > l.backlog) return;
    if (conn) {
      this.sockets.conns.delete(key);
      this.sockets.conns.set(`${key}#${++this.closedSeq}`, conn);
    }
    const c = this.newRequest(l, p);
    this.sockets.conns.set(key, c);
    send(this.synAck(c, p));
  }
  newRequest(l, p) {
    const o = parseTcpOptions(p.tcpOptions);
    const tsOk = o.tsval !== void 0 && this.sysctl("net.ipv4.tcp_timestamps") !== 0;
    const sackOk = o.sackPerm && this.sysctl("net.ipv4.tcp_sack") !== 0;
    const wscaleOk = o.ws !== void 0 && this.sysctl("net.ipv4.tcp_window_scaling") !== 0;
    const ecnOk = (p.tcpFlags & (TCP_ECE | TCP_CWR)) === (TCP_ECE | TCP_CWR) && this.sysctl("net.ipv4.tcp_ecn") !== 0;
    const route = this.deps.net.lookup(p.src >>> 0);
    const dev = !route || route.type === "local" ? "lo" : route.dev;
    const mss = this.advmss(dev) - (tsOk ? 12 : 0);
    const rmem = this.sysctlList("net.ipv4.tcp_rmem");
    let space = Math.floor((rmem[1] ?? 131072) / 2);
    if (space > mss) space -= space % mss;
    const rcvWnd = Math.min(space, 65535);
    let wscale = 0;
    if (wscaleOk) {
      const max = Math.max(space, rmem[2] ?? 0, this.sysctl("net.core.rmem_max"));
      wscale = Math.max(0, Math.min(14, Math.floor(Math.log2(max)) - 15));
    }
    const peerIsn = p.seq >>> 0;
    return {
      state: "SYN-RECV",
      listener: l,
      laddr: p.dst >>> 0,
      lport: p.dport,
      raddr: p.src >>> 0,
      rport: p.sport,
      isn: this.deps.rng.next32(),
      peerIsn,
      rcvNxt: peerIsn + 1 >>> 0,
      unread: 0,
      rcvWnd,
      rcvWup: peerIsn + 1 >>> 0,
      wscale,
      wscaleOk,
      tsOk,
      sackOk,
      ecnOk,
      tsOff: tsOk ? this.tsOffset(p.dst >>> 0, p.src >>> 0) : 0,
      tsRecent: o.tsval ?? 0,
      ipId: 0
    };
  }
  /** tcp_make_synack(): ID 0 with DF, TOS 0, options MSS [TS] [SACK_PERM] [WS] in Linux's layout. */
  synAck(c, syn) {
    const r = this.segment(c, 0);
    r.id = 0;
    r.seq = c.isn;
    r.ack = c.rcvNxt;
    r.tcpFlags = TCP_SYN | TCP_ACK | (c.ecnOk ? TCP_ECE : 0);
    r.window = c.rcvWnd;
    const route = this.deps.net.lookup(syn.src >>> 0);
    const mss = this.advmss(!route || route.type === "local" ? "lo" : route.dev);
    const o = [2, 4, mss >>> 8, mss & 255];
    if (c.tsOk) {
      o.push(...c.sackOk ? [4, 2, 8, 10] : [1, 1, 8, 10], ...u32be(this.tsval(c)), ...u32be(c.tsRecent));
    } else if (c.sackOk) o.push(1, 1, 4, 2);
    if (c.wscaleOk) o.push(1, 3, 3, c.wscale);
    r.tcpOptions = new Uint8Array(o);
    r.len = 20 + 20 + o.length;
    r.sockKind = SOCK_REQUEST;
    r.uid = c.listener.uid;
    r.gid = c.listener.gid;
    return r;
  }
  tsval(c) {
    return c.tsOff + this.nowMs() >>> 0;
  }
  /** A segment of connection `c` (IP part and ports). */
  segment(c, id) {
    const r = new Packet();
    r.tos = 0;
    r.ttl = this.ttl();
    r.proto = IPPROTO_TCP;
    r.src = c.laddr;
    r.dst = c.raddr;
    r.frag = IP_DF;
    r.id = id;
    r.sport = c.lport;
    r.dport = c.rport;
    return r;
  }
  /** tcp_check_req(): a segment for a half-open connection. */
  tcpCheckReq(c, key, p, send) {
    const f = p.tcpFlags;
    if ((f & (TCP_SYN | TCP_ACK | TCP_RST)) === TCP_SYN && p.seq >>> 0 === c.peerIsn) {
      send(this.synAck(c, p));
      return;
    }
    if (f & TCP_ACK && !(f & TCP_RST) && p.ack >>> 0 !== c.isn + 1 >>> 0) {
      send(resetFor(p, this.ttl(), p.tos & ~3, c.listener));
      return;
    }
    if (f & (TCP_RST | TCP_SYN)) {
      this.sockets.conns.delete(key);
      if (!(f & TCP_RST)) send(resetFor(p, this.ttl(), p.tos & ~3, c.listener));
      return;
    }
    if (!(f & TCP_ACK)) return;
    if (this.sockets.acceptQueue(c.listener) > c.listener.backlog) return;
    c.state = "ESTAB";
    c.ipId = this.deps.rng.next32() & 65535;
    const ts = parseTcpOptions(p.tcpOptions).tsval;
    if (c.tsOk && ts !== void 0) c.tsRecent = ts;
    this.tcpEstablished(c, p, send);
  }
  /** tcp_rcv_established() / tcp_rcv_state_process() for ESTABLISHED and CLOSE_WAIT, in-order data only. */
  tcpEstablished(c, p, send) {
    const f = p.tcpFlags;
    if (f & TCP_RST) {
      c.state = "CLOSE";
      return;
    }
    if (f & TCP_SYN) {
      send(this.ack(c));
      return;
    }
    if (!(f & TCP_ACK)) return;
    const len = Math.max(0, origTotal(p) - p.ihl - p.l4HeaderLen);
    const fin = f & TCP_FIN ? 1 : 0;
    if (len === 0 && !fin) return;
    if (c.state === "CLOSE-WAIT") return;
    if (p.seq >>> 0 !== c.rcvNxt) {
      send(this.ack(c));
      return;
    }
    const ts = parseTcpOptions(p.tcpOptions).tsval;
    if (c.tsOk && ts !== void 0) c.tsRecent = ts;
    c.rcvNxt = c.rcvNxt + len + fin >>> 0;
    c.unread += len;
    if (fin) c.state = "CLOSE-WAIT";
    send(this.ack(c));
  }
  /** tcp_send_ack(): the window never shrinks (tcp_select_window keeps the current right edge). */
  ack(c) {
    const r = this.segment(c, c.ipId);
    c.ipId = c.ipId + 1 & 65535;
    r.seq = c.isn + 1 >>> 0;
    r.ack = c.rcvNxt;
    r.tcpFlags = TCP_ACK;
    let win = c.rcvWup + c.rcvWnd - c.rcvNxt >>> 0;
    if (c.wscale) win = Math.ceil(win / 2 ** c.wscale) * 2 ** c.wscale;
    c.rcvWnd = win;
    c.rcvWup = c.rcvNxt;
    r.window = Math.min(65535, Math.floor(win / 2 ** c.wscale));
    if (c.tsOk) {
      r.tcpOptions = new Uint8Array([1, 1, 8, 10, ...u32be(this.tsval(c)), ...u32be(c.tsRecent)]);
    }
    r.len = 40 + (r.tcpOptions?.length ?? 0);
    return r;
  }
};
function origTotal(p) {
  return p.len > 0 ? p.len : ipBytes(p).length;
}
function resetFor(p, ttl, tos, sk) {
  const r = new Packet();
  if (sk === "ctl") r.sockKind = SOCK_KERNEL;
  else if (sk) {
    r.uid = sk.uid;
    r.gid = sk.gid;
  }
  r.tos = tos;
  r.ttl = ttl;
  r.proto = IPPROTO_TCP;
  r.src = p.dst >>> 0;
  r.dst = p.src >>> 0;
  r.frag = IP_DF;
  r.id = 0;
  r.sport = p.dport;
  r.dport = p.sport;
  r.window = 0;
  if (p.tcpFlags & TCP_ACK) {
    r.seq = p.ack >>> 0;
    r.ack = 0;
    r.tcpFlags = TCP_RST;
  } else {
    const len = Math.max(0, origTotal(p) - p.ihl - p.l4HeaderLen);
    const syn = p.tcpFlags & TCP_SYN ? 1 : 0;
    const fin = p.tcpFlags & TCP_FIN ? 1 : 0;
    r.seq = 0;
    r.ack = p.seq + syn + fin + len >>> 0;
    r.tcpFlags = TCP_RST | TCP_ACK;
  }
  r.len = 40;
  return r;
}
var IP_CT_IS_REPLY2 = 3;
var IP_CT_RELATED2 = 1;
var IP_CT_RELATED_REPLY2 = 4;
function attachRelated(reply, orig) {
  if (!orig.ct && orig.ctinfo === 0) return;
  reply.ct = orig.ct;
  reply.ctinfo = orig.ctinfo >= IP_CT_IS_REPLY2 ? IP_CT_RELATED2 : IP_CT_RELATED_REPLY2;
}

// src/host.ts
var sharedRegistry;
var Host = class {
  ruleset = new Ruleset();
  db;
  flavour;
  registry;
  /** Virtual clock: seconds since the epoch, as the twin sees it. */
  epoch;
  /** Virtual nanoseconds elapsed since `epoch`. */
  elapsedNs = 0n;
  /** Interfaces, addresses, routes and sysctls. */
  net = new NetConfig();
  /** The host's seeded randomness (NAT ports, statistic, ids). */
  rng = new Rng(1);
  /** Per-host state of extensions (recent lists, hashlimit tables, quotas). */
  shared = /* @__PURE__ */ new Map();
  /** Kernel log lines (printk) in order, as dmesg shows them. */
  kernlog = [];
  netStack;
  ctTable;
  localHost;
  constructor(opts = {}) {
    this.flavour = opts.flavour ?? "nft";
    this.epoch = opts.epoch ?? Math.floor(Date.now() / 1e3);
    this.db = opts.db ?? new NameDb();
    sharedRegistry ??= defaultRegistry();
    this.registry = sharedRegistry;
  }
  /** The virtual wall clock, in whole seconds. */
  now() {
    return this.epoch + Number(this.elapsedNs / 1000000000n);
  }
  get env() {
    return { ruleset: this.ruleset, db: this.db, registry: this.registry, flavour: this.flavour };
  }
  /** The host's packet path (send, trace); built once, always sees the current rule set and network. */
  /** The connection tracking table (conntrack -L, NAT bindings). */
  conntrack() {
    if (!this.ctTable) {
      const host = this;
      this.ctTable = new Conntrack({
        ruleset: () => host.ruleset,
        net: () => host.net,
        rng: host.rng,
        log: (level, line) => {
          host.kernlog.push({ ns: Number(host.elapsedNs), level, line });
        },
        shared: this.shared
      });
      new Nat(this.ctTable, () => host.ruleset);
    }
    return this.ctTable;
  }
  /** The host's own network stack: sockets, TCP/UDP/ICMP answers, icmp_send(). */
  get local() {
    if (!this.localHost) {
      const host = this;
      this.localHost = new LocalHost({
        get net() {
          return host.net;
        },
        rng: host.rng,
        nowNs: () => Number(host.elapsedNs),
        wallMs: () => host.epoch * 1e3 + Number(host.elapsedNs / 1000000n)
      });
    }
    return this.localHost;
  }
  stack() {
    if (!this.netStack) {
      const host = this;
      const ct = this.conntrack();
      this.netStack = new NetStack({
        get ruleset() {
          return host.ruleset;
        },
        get net() {
          return host.net;
        },
        get rng() {
          return host.rng;
        },
        nowNs: () => Number(host.elapsedNs),
        wallSeconds: () => host.now(),
        log: (level, line) => {
          host.kernlog.push({ ns: Number(host.elapsedNs), level, line });
        },
        shared: this.shared,
        conntrack: ct,
        nat: ct.nat,
        local: this.local
      });
    }
    return this.netStack;
  }
  /** `ip ARGS…` (iproute2) against the host's interfaces, addresses and routes. */
  ip(args) {
    return runIp(this.net, args);
  }
  /** `sysctl ARGS…` (procps); `readFile` serves `-p FILE`. */
  sysctl(args, readFile) {
    return runSysctl(this.net, args, readFile);
  }
  /** `iptables ARGS…` */
  iptables(args) {
    return runIptables(this.env, args);
  }
  /** `iptables-save ARGS…`; with -f FILE, `file` names where the caller should write stdout. */
  iptablesSave(args = []) {
    return runIptablesSave(this.ruleset, this.db, args, this.now(), this.flavour);
  }
  /** `iptables-restore ARGS…` reading `input` (used when no FILE argument is given). */
  iptablesRestore(args, input, readFile) {
    const program = "iptables-restore";
    const a = parseRestoreArgs(args, program, this.flavour);
    if (a.kind === "exit") return a.result;
    let text = input;
    if (a.input.kind === "file") {
      if (!readFile) return { stdout: "", stderr: `Can't open ${a.input.path}: No such file or directory
`, status: 1 };
      try {
        text = readFile(a.input.path);
      } catch (e) {
        const msg = e instanceof Error && "code" in e && e.code === "ENOENT" ? "No such file or directory" : String(e);
        return { stdout: "", stderr: `Can't open ${a.input.path}: ${msg}
`, status: 1 };
      }
    }
    return runRestore(this.env, text, a.options, program);
  }
  /** iptables-save text of every table that exists (or of one table). */
  save(opts = {}) {
    return saveRuleset(this.ruleset, this.db, { ...opts, now: this.now() }, this.flavour);
  }
  /** iptables-restore of `text`; returns what the command prints and its status. */
  restore(text, opts = {}) {
    return runRestore(this.env, text, opts);
  }
};

// test/support/env.ts
import { resolve } from "node:path";
var REPO_ROOT = resolve(new URL("../..", import.meta.url).pathname);

// test/support/kernel-host.ts
var MAC_ETH0 = 2199023255553;
var MAC_ETH1 = 2199023255554;
var MAC_PEER0 = 2199023255810;
var MAC_PEER1 = 2199023256066;
var DUT0 = 167772161;
var PEER0 = 167772162;
var DUT1 = 167772417;
var PEER1 = 167772418;
var NET_C0 = 167772672;
var LISTENERS = [
  ["tcp", 22],
  ["tcp", 8080],
  ["udp", 53]
];
function twinSockets(h) {
  const any = h;
  const s = any.sockets ?? any.local?.sockets;
  return typeof s?.listen === "function" ? s : void 0;
}
function listenersSupported() {
  return twinSockets(new Host()) !== void 0;
}
var LOG_TAG = "ktw";
var BASE_SYSCTLS = {
  "net.ipv4.icmp_ratelimit": "0",
  "net.ipv4.conf.all.rp_filter": "0",
  "net.ipv4.conf.default.rp_filter": "0",
  "net.ipv4.conf.eth0.rp_filter": "0",
  "net.ipv4.conf.eth1.rp_filter": "0",
  "net.ipv4.ip_forward": "1",
  // Redirects are rate-limited per peer with state (inet_peer) that outlives a case: off.
  "net.ipv4.conf.all.send_redirects": "0",
  "net.ipv4.conf.default.send_redirects": "0",
  "net.ipv4.conf.eth0.send_redirects": "0",
  "net.ipv4.conf.eth1.send_redirects": "0"
};
var ENV = {
  ...process.env,
  LC_ALL: "C",
  PATH: `/usr/sbin:/sbin:${process.env.PATH ?? "/usr/bin:/bin"}`
};
function hexToBytes(h) {
  const b = new Uint8Array(h.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return b;
}
function bytesToHex(b) {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}
function macText2(m) {
  const parts = [];
  for (let i = 5; i >= 0; i--) parts.push((Math.floor(m / 2 ** (8 * i)) % 256).toString(16).padStart(2, "0"));
  return parts.join(":");
}
var live = /* @__PURE__ */ new Set();
var hooked = false;
var KernelLab = class _KernelLab {
  dut;
  c0;
  c1;
  /**
   * LOG prefixes use LOG_TAG; in this lab's kernel they carry this tag instead
   * (same length), so that lines of other labs running at the same time
   * (the kernel log is global) are not taken for ours.
   */
  tag;
  helper = null;
  lines = null;
  waiters = [];
  pending = [];
  monitor = null;
  monitorOut = "";
  logAllNetns = null;
  dead = false;
  constructor(tag) {
    this.dut = `kp-dut-${tag}`;
    this.c0 = `kp-c0-${tag}`;
    this.c1 = `kp-c1-${tag}`;
    this.tag = `k${(Number(tag) % 1296).toString(36).padStart(2, "0")}`;
  }
  /** Builds the namespaces and links; throws with the failing command's stderr. */
  static create() {
    if (!hooked) {
      hooked = true;
      process.on("exit", () => {
        for (const l of live) l.destroySync();
      });
    }
    const lab = new _KernelLab(String(process.pid));
    live.add(lab);
    try {
      lab.build();
    } catch (e) {
      lab.destroySync();
      throw e;
    }
    return lab;
  }
  sh(argv, input) {
    const r = spawnSync(argv[0], argv.slice(1), {
      encoding: "utf8",
      env: ENV,
      input: input ?? ""
    });
    if (r.error) throw r.error;
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? 128 };
  }
  must(argv) {
    const r = this.sh(argv);
    if (r.status !== 0) throw new Error(`${argv.join(" ")}: ${r.stderr.trim()}`);
    return r.stdout;
  }
  /** A command inside the DUT namespace. */
  inDut(argv, input) {
    return this.sh(["ip", "netns", "exec", this.dut, ...argv], input);
  }
  build() {
    for (const n of [this.dut, this.c0, this.c1]) {
      this.sh(["ip", "netns", "del", n]);
      this.must(["ip", "netns", "add", n]);
    }
    this.must([
      "ip",
      "link",
      "add",
      "eth0",
      "netns",
      this.dut,
      "type",
      "veth",
      "peer",
      "name",
      "veth0",
      "netns",
      this.c0
    ]);
    this.must([
      "ip",
      "link",
      "add",
      "eth1",
      "netns",
      this.dut,
      "type",
      "veth",
      "peer",
      "name",
      "veth1",
      "netns",
      this.c1
    ]);
    const ipv6Off = ["net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"];
    for (const n of [this.dut, this.c0, this.c1]) {
      this.must(["ip", "netns", "exec", n, "sysctl", "-qw", ...ipv6Off]);
      this.must(["ip", "-n", n, "link", "set", "lo", "up"]);
    }
    this.must([
      "ip",
      "netns",
      "exec",
      this.dut,
      "sysctl",
      "-qw",
      "net.ipv6.conf.eth0.disable_ipv6=1",
      "net.ipv6.conf.eth1.disable_ipv6=1"
    ]);
    this.must(["ip", "netns", "exec", this.c0, "sysctl", "-qw", "net.ipv6.conf.veth0.disable_ipv6=1"]);
    this.must(["ip", "netns", "exec", this.c1, "sysctl", "-qw", "net.ipv6.conf.veth1.disable_ipv6=1"]);
    this.must(["ip", "-n", this.dut, "link", "set", "eth0", "address", macText2(MAC_ETH0)]);
    this.must(["ip", "-n", this.dut, "link", "set", "eth1", "address", macText2(MAC_ETH1)]);
    this.must(["ip", "-n", this.c0, "link", "set", "veth0", "address", macText2(MAC_PEER0)]);
    this.must(["ip", "-n", this.c1, "link", "set", "veth1", "address", macText2(MAC_PEER1)]);
    this.must(["ip", "-n", this.dut, "addr", "add", "10.0.0.1/30", "brd", "+", "dev", "eth0"]);
    this.must(["ip", "-n", this.dut, "addr", "add", "10.0.1.1/30", "brd", "+", "dev", "eth1"]);
    for (const [n, d] of [
      [this.dut, "eth0"],
      [this.dut, "eth1"],
      [this.c0, "veth0"],
      [this.c1, "veth1"]
    ]) {
      this.must(["ip", "-n", n, "link", "set", d, "up"]);
    }
    this.must([
      "ip",
      "-n",
      this.dut,
      "neigh",
      "add",
      "10.0.0.2",
      "lladdr",
      macText2(MAC_PEER0),
      "dev",
      "eth0",
      "nud",
      "permanent"
    ]);
    this.must([
      "ip",
      "-n",
      this.dut,
      "neigh",
      "add",
      "10.0.1.2",
      "lladdr",
      macText2(MAC_PEER1),
      "dev",
      "eth1",
      "nud",
      "permanent"
    ]);
    this.must(["ip", "-n", this.dut, "route", "add", "default", "via", "10.0.1.2", "dev", "eth1"]);
    this.must(["ip", "-n", this.dut, "route", "add", "10.0.2.0/24", "via", "10.0.0.2", "dev", "eth0"]);
    this.setSysctls(BASE_SYSCTLS);
    const cur = this.sh(["sysctl", "-n", "net.netfilter.nf_log_all_netns"]);
    if (cur.status === 0 && cur.stdout.trim() !== "1") {
      this.logAllNetns = cur.stdout.trim();
      this.must(["sysctl", "-qw", "net.netfilter.nf_log_all_netns=1"]);
    }
  }
  setSysctls(s) {
    const args = Object.entries(s).map(([k, v]) => `${k}=${v}`);
    if (args.length) this.must(["ip", "netns", "exec", this.dut, "sysctl", "-qw", ...args]);
  }
  /** Starts the inject/capture helper (with the DUT's listeners when `listen`). */
  async start(listen = listenersSupported()) {
    const script = join(REPO_ROOT, "test/support/kernel-lab.py");
    const peer = (ns, dev, mac, ip2, target) => `${ns},${dev},${macText2(mac)},${ip2},${target}`;
    const child = spawn(
      "python3",
      [
        script,
        "--dut",
        this.dut,
        "--kmsg",
        this.tag,
        ...listen ? LISTENERS.flatMap(([proto2, port2]) => ["--listen", `${proto2}:${port2}`]) : [],
        peer(this.c0, "veth0", MAC_PEER0, "10.0.0.2", "10.0.0.1"),
        peer(this.c1, "veth1", MAC_PEER1, "10.0.1.2", "10.0.1.1")
      ],
      { stdio: ["pipe", "pipe", "inherit"], env: ENV }
    );
    this.helper = child;
    this.lines = createInterface({ input: child.stdout });
    this.lines.on("line", (l) => {
      const w = this.waiters.shift();
      if (w) w(l);
      else this.pending.push(l);
    });
    const ready = await this.next();
    if (!JSON.parse(ready).ready) throw new Error(`kernel-lab.py did not start: ${ready}`);
  }
  next() {
    const p = this.pending.shift();
    if (p !== void 0) return Promise.resolve(p);
    return new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error("kernel-lab.py did not answer")), 1e4);
      this.waiters.push((l) => {
        clearTimeout(t);
        res(l);
      });
    });
  }
  async call(cmd) {
    if (!this.helper) throw new Error("lab not started");
    this.helper.stdin.write(`${JSON.stringify(cmd)}
`);
    const r = JSON.parse(await this.next());
    const out = { captured: [], log: r.log ?? [] };
    for (const c of r.captured) {
      if (c.error) out.error = c.error;
      else
        out.captured.push({
          dev: c.dev,
          frame: hexToBytes(c.frame)
        });
    }
    if (r.timeout) out.timeout = r.timeout;
    return out;
  }
  /** A frame arriving at the DUT from a peer (veth0 → eth0, veth1 → eth1). */
  inject(dev, frame) {
    return this.call({ op: "inject", dev, frame: bytesToHex(frame) });
  }
  /** A packet the DUT sends itself (raw socket with the header included). */
  local(ip2, mark) {
    return this.call({ op: "local", ip: bytesToHex(ip2), mark });
  }
  /** Closes and reopens the DUT's listeners: no connection survives from an earlier case. */
  async relisten() {
    this.helper.stdin.write(`${JSON.stringify({ op: "relisten" })}
`);
    await this.next();
  }
  async drain() {
    this.helper.stdin.write(`${JSON.stringify({ op: "drain" })}
`);
    await this.next();
  }
  /** Empties the rule set (all tables go, with their handles), conntrack and sets the sysctls. */
  reset(sysctls) {
    this.inDut(["nft", "flush", "ruleset"]);
    this.inDut(["conntrack", "-F"]);
    this.inDut(["sysctl", "-qw", "net.netfilter.nf_conntrack_acct=0"]);
    this.setSysctls({ ...BASE_SYSCTLS, ...sysctls });
  }
  /** Our LOG tag → this lab's. */
  toLab(text) {
    return text.replaceAll(`"${LOG_TAG}`, `"${this.tag}`);
  }
  /** This lab's LOG tag → ours (in saves, log lines and traces). */
  fromLab(text) {
    return text.replaceAll(`"${this.tag}`, `"${LOG_TAG}`).replace(new RegExp(`^${this.tag}`, "gm"), LOG_TAG);
  }
  restore(text) {
    const r = this.inDut(["iptables-restore"], this.toLab(text));
    return { ...r, stderr: this.fromLab(r.stderr) };
  }
  save() {
    return this.fromLab(this.inDut(["iptables-save", "-c"]).stdout);
  }
  conntrack() {
    return this.inDut(["conntrack", "-L"]).stdout;
  }
  get monitoring() {
    return this.monitor !== null;
  }
  /** xtables-monitor --trace in the DUT, collecting what it prints. */
  async startMonitor() {
    this.monitorOut = "";
    const m = spawn("ip", ["netns", "exec", this.dut, "xtables-monitor", "--trace"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: ENV
    });
    m.stdout.setEncoding("utf8");
    m.stdout.on("data", (d) => {
      this.monitorOut += d;
    });
    this.monitor = m;
    await new Promise((r) => setTimeout(r, 300));
  }
  /** Stops the monitor (after letting its last events arrive) and returns its output. */
  async stopMonitor() {
    const m = this.monitor;
    if (!m) return "";
    let last = -1;
    for (let i = 0; i < 20 && last !== this.monitorOut.length; i++) {
      last = this.monitorOut.length;
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = new Promise((r) => m.once("exit", r));
    m.kill("SIGTERM");
    await done;
    this.monitor = null;
    return this.fromLab(this.monitorOut);
  }
  async destroy() {
    if (this.helper) {
      this.helper.stdin.write(`${JSON.stringify({ op: "quit" })}
`);
      const h = this.helper;
      await new Promise((r) => {
        const t = setTimeout(() => {
          h.kill("SIGKILL");
          r(void 0);
        }, 2e3);
        h.once("exit", () => {
          clearTimeout(t);
          r(void 0);
        });
      });
      this.helper = null;
    }
    this.destroySync();
  }
  destroySync() {
    if (this.dead) return;
    this.dead = true;
    this.monitor?.kill("SIGKILL");
    this.helper?.kill("SIGKILL");
    this.lines?.close();
    for (const n of [this.dut, this.c0, this.c1]) spawnSync("ip", ["netns", "del", n]);
    if (this.logAllNetns !== null) spawnSync("sysctl", ["-qw", `net.netfilter.nf_log_all_netns=${this.logAllNetns}`]);
    live.delete(this);
  }
};
var TWIN_SETUP = `ip link add eth0 type dummy
ip link add eth1 type dummy
ip link set eth0 address ${macText2(MAC_ETH0)}
ip link set eth1 address ${macText2(MAC_ETH1)}
ip addr add 10.0.0.1/30 brd + dev eth0
ip addr add 10.0.1.1/30 brd + dev eth1
ip link set eth0 up
ip link set eth1 up
ip route add default via 10.0.1.2 dev eth1
ip route add 10.0.2.0/24 via 10.0.0.2 dev eth0
`;
function twinHost(sysctls) {
  const h = new Host({ epoch: 17e8 });
  const sockets = twinSockets(h);
  if (sockets) for (const [proto2, port2] of LISTENERS) sockets.listen(proto2, 0, port2);
  const all = { ...BASE_SYSCTLS, ...sysctls };
  const s = new ShellSession(h);
  if (s.commands.has("ip") && s.commands.has("sysctl")) {
    const script = `${TWIN_SETUP}sysctl -qw ${Object.entries(all).map(([k, v]) => `${k}=${v}`).join(" ")}
`;
    for (const r of s.run(script)) if (r.status !== 0) throw new Error(`twin setup: ${r.cmd}: ${r.stderr}`);
    return h;
  }
  const net = h.net;
  const link = (name, mac, addr2, brd) => {
    check(net.addLink("dummy", { name, mac }));
    const i = net.iface(name);
    check(
      net.addAddr(i, {
        addr: addr2,
        plen: 30,
        brd,
        scope: 0,
        metric: 0,
        noprefixroute: false
      })
    );
    check(net.setUp(i, true));
  };
  link("eth0", MAC_ETH0, DUT0, 167772163);
  link("eth1", MAC_ETH1, DUT1, 167772419);
  const route = (dst, plen, gateway, dev) => check(
    net.addRoute(
      {
        table: 254,
        type: 1,
        dst,
        plen,
        tos: 0,
        metric: 0,
        proto: 3,
        scope: 0,
        prefsrc: 0,
        gateway,
        oif: net.iface(dev).index,
        onlink: false
      },
      { create: true, excl: true }
    )
  );
  route(0, 0, PEER1, "eth1");
  route(NET_C0, 24, PEER0, "eth0");
  for (const [k, v] of Object.entries(all)) {
    const r = net.sysctlWrite(k.split("."), v);
    if (r !== "ok") throw new Error(`twin setup: sysctl ${k}=${v}: ${r}`);
  }
  return h;
}
function check(e) {
  if (e) throw new Error(`twin setup: ${JSON.stringify(e)}`);
}

// test/support/packet-diff.ts
var PEER_MAC = { eth0: MAC_PEER0, eth1: MAC_PEER1 };
var BROADCAST = { eth0: 167772163, eth1: 167772419 };
function neighbourMac(dev, dst) {
  if (dst === 4294967295 || dst === BROADCAST[dev]) return 281474976710655;
  if (dst >>> 28 === 14) return 1101088686080 + (dst & 8388607);
  return PEER_MAC[dev] ?? 0;
}
var DUT_ADDRS = /* @__PURE__ */ new Set([DUT0, DUT1, 2130706433]);
function hex6(b) {
  if (!b) return "";
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}
function fnv(b) {
  if (!b || b.length === 0) return "0";
  let h = 2166136261;
  for (const x of b) h = Math.imul(h ^ x, 16777619) >>> 0;
  return `${b.length}:${h.toString(16)}`;
}
function macHex(m) {
  return m.toString(16).padStart(12, "0");
}
var SeqNorm = class {
  isn = /* @__PURE__ */ new Map();
  /** Notes a SYN-ACK the DUT generated (not one it forwarded). */
  note(p) {
    this.isn.set(connKey2(p.src, p.sport, p.dst, p.dport), p.seq >>> 0);
  }
  base(src, sport, dst, dport) {
    return this.isn.get(connKey2(src, sport, dst, dport));
  }
};
function connKey2(src, sport, dst, dport) {
  return `${src >>> 0}:${sport}>${dst >>> 0}:${dport}`;
}
function parseDottedLoose(s) {
  const p = s.split(".").map(Number);
  return (p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]) >>> 0;
}
function tcpOptKey(o) {
  let s = "";
  for (let i = 0; i < o.length; ) {
    const k = o[i];
    if (k === 0 || k === 1) {
      s += k.toString(16).padStart(2, "0");
      i++;
      continue;
    }
    const len = Math.max(2, o[i + 1] ?? 2);
    s += k === 8 ? "08 0a ts " : `${hex6(o.subarray(i, i + len))} `;
    i += len;
  }
  return s.trim();
}
function packetKey(dev, p, norm, injected) {
  const passing = injected !== void 0 && injected.proto === IPPROTO_ICMP && injected.icmpType === p.icmpType;
  const maskId = p.proto === IPPROTO_ICMP && (injected === void 0 ? DUT_ADDRS.has(p.src) : !passing);
  let s = `${dev} ${macHex(p.macSrc)}>${macHex(p.macDst)} ${formatIPv4(p.src)}>${formatIPv4(p.dst)} p${p.proto} tos=${p.tos} len=${p.len} ttl=${p.ttl} frag=${p.frag.toString(16)} id=${maskId ? "*" : p.id}`;
  if (p.ipOptions) s += ` ipopt=${hex6(p.ipOptions)}`;
  if (p.isFragment()) return `${s} frag-payload=${fnv(p.payload)}`;
  switch (p.proto) {
    case IPPROTO_TCP: {
      const base = norm?.base(p.src, p.sport, p.dst, p.dport);
      const seq = base === void 0 ? String(p.seq >>> 0) : `isn+${(p.seq >>> 0) - base >>> 0}`;
      s += ` ${p.sport}>${p.dport} [${flagLetters(p.tcpFlags)}] seq=${seq} ack=${p.ack >>> 0} win=${p.window} urg=${p.urgPtr}`;
      if (p.tcpOptions) s += ` opt=${base === void 0 ? hex6(p.tcpOptions) : tcpOptKey(p.tcpOptions)}`;
      s += ` data=${fnv(p.payload)}`;
      break;
    }
    case IPPROTO_UDP:
      s += ` ${p.sport}>${p.dport} data=${fnv(p.payload)}`;
      break;
    case IPPROTO_ICMP:
      s += ` icmp ${p.icmpType}/${p.icmpCode} rest=${(p.icmpRest >>> 0).toString(16)}`;
      if (p.inner) {
        const q = p.inner;
        s += ` inner[${formatIPv4(q.src)}>${formatIPv4(q.dst)} p${q.proto} len=${q.len} ttl=${q.ttl} id=${q.id} tos=${q.tos}`;
        if (q.proto === IPPROTO_TCP || q.proto === IPPROTO_UDP) s += ` ${q.sport}>${q.dport}`;
        if (q.proto === IPPROTO_TCP) s += ` seq=${q.seq >>> 0}`;
        if (q.proto === IPPROTO_ICMP) s += ` ${q.icmpType}/${q.icmpCode} ${q.icmpId}/${q.icmpSeq}`;
        s += ` quoted=${p.innerLen}]`;
      } else s += ` data=${fnv(p.payload)}`;
      break;
    default:
      s += ` data=${fnv(p.payload)}`;
  }
  return s;
}
function logKey(line, norm) {
  if (norm && / SEQ=\d+/.test(line)) {
    const m = / SRC=(\S+) DST=(\S+) .* SPT=(\d+) DPT=(\d+)/.exec(line);
    const base = m ? norm.base(parseDottedLoose(m[1]), Number(m[3]), parseDottedLoose(m[2]), Number(m[4])) : void 0;
    if (base !== void 0) {
      line = line.replace(/ SEQ=(\d+)/, (_x, v) => ` SEQ=isn+${Number(v) - base >>> 0}`).replace(/ OPT \([0-9A-F]*\)/, " OPT (*)");
    }
    const back = m ? norm.base(parseDottedLoose(m[2]), Number(m[4]), parseDottedLoose(m[1]), Number(m[3])) : void 0;
    if (back !== void 0)
      line = line.replace(/ ACK=(\d+)/, (_x, v) => ` ACK=isn+${Number(v) - back >>> 0}`);
  }
  if (!/PROTO=ICMP/.test(line) || / IN=eth/.test(line)) return line;
  return line.replace(/ ID=\d+ /, " ID=* ");
}
function saveKey(save) {
  return save.split("\n").filter((l) => !l.startsWith("#")).join("\n");
}
function conntrackKey(text) {
  return text.split("\n").filter((l) => l.trim() !== "").map((l) => {
    const t = l.split(/\s+/);
    if (t.length > 2 && /^\d+$/.test(t[2])) t[2] = "T";
    return t.join(" ");
  }).sort();
}
function traceKey(text) {
  const ids = /* @__PURE__ */ new Map();
  return text.replace(/^(PACKET: 2 | TRACE: 2 )([0-9a-f]{8})/gm, (_m, head, id) => {
    if (!ids.has(id)) ids.set(id, `#${ids.size + 1}`);
    return `${head}${ids.get(id)}`;
  }).replace(
    /^PACKET: .*$/gm,
    (l) => !/ IN=eth/.test(l) && !l.includes(" SPORT=") ? l.replace(/ ID=\d+ /, " ID=* ") : l
  );
}
function stepPacket(step, emitted, buildNet) {
  let fields;
  let from = step.from;
  if (step.reply) {
    const e = emitted[step.reply.step]?.[step.reply.nth];
    if (!e) return "(no reply step)";
    const r = replyFields(e.pkt, step.reply.fin === true);
    if (!r) return "(no reply step)";
    fields = r;
    from = e.dev;
  } else fields = { ...step.pkt };
  if (from === "local") {
    fields.local = true;
    fields.uid = 0;
    fields.gid = 0;
    if (fields.ipid === void 0 || fields.ipid === 0) fields.ipid = 1 + Number(fields.sport ?? 7) * 31 % 65e3;
  } else fields.in = from;
  const p = buildPacket(specFromJson(fields), buildNet.net);
  if (from !== "local") p.macSrc = PEER_MAC[from];
  return { p, from };
}
function replyFields(e, fin) {
  const f = {
    src: formatIPv4(e.dst),
    dst: formatIPv4(e.src)
  };
  switch (e.proto) {
    case IPPROTO_TCP: {
      f.proto = "tcp";
      f.sport = e.dport;
      f.dport = e.sport;
      const syn = (e.tcpFlags & 2) !== 0;
      const ack = (e.tcpFlags & 16) !== 0;
      if (e.tcpFlags & 4) return null;
      const dataLen = e.payloadLen + (syn ? 1 : 0) + (e.tcpFlags & 1 ? 1 : 0);
      if (syn && !ack) {
        f.flags = "SA";
        f.seq = 268435456 + (e.sport & 4095) * 4096;
        f.ack = e.seq + 1 >>> 0;
      } else {
        f.flags = fin ? "FA" : "A";
        f.seq = e.ack >>> 0;
        f.ack = e.seq + dataLen >>> 0;
      }
      return f;
    }
    case IPPROTO_UDP:
      f.proto = "udp";
      f.sport = e.dport;
      f.dport = e.sport;
      return f;
    case IPPROTO_ICMP:
      if (e.icmpType !== 8) return null;
      f.proto = "icmp";
      f.type = 0;
      f.id = e.icmpId;
      f.seq = e.icmpSeq;
      f.len = e.len;
      return f;
    default:
      return null;
  }
}
function canonical(em) {
  return em.map((e, i) => ({ e, i })).sort((a, b) => a.e.dev < b.e.dev ? -1 : a.e.dev > b.e.dev ? 1 : a.i - b.i).map((x) => x.e);
}
async function runCase(c, side) {
  const restore = await side.reset(c);
  const builder = twinHost(c.sysctls);
  const obs = { restore, steps: [], save: "", conntrack: [] };
  const emitted = [];
  const norm = new SeqNorm();
  for (const step of c.steps) {
    const sp = stepPacket(step, emitted, builder);
    if (typeof sp === "string") {
      obs.steps.push({ out: [sp], log: [] });
      emitted.push([]);
      continue;
    }
    const r = await side.step(sp.from, sp.p);
    const em = canonical(r.emitted);
    emitted.push(em);
    const injectedSynAck = sp.p.proto === IPPROTO_TCP && (sp.p.tcpFlags & 18) === 18;
    for (const e of em)
      if (e.pkt.proto === IPPROTO_TCP && (e.pkt.tcpFlags & 18) === 18 && !injectedSynAck) norm.note(e.pkt);
    const so = {
      out: em.map((e) => packetKey(e.dev, e.pkt, norm, sp.p)),
      log: r.log.map((l) => logKey(l, norm))
    };
    if (r.err) so.err = r.err;
    obs.steps.push(so);
  }
  obs.save = saveKey(side.save());
  obs.conntrack = conntrackKey(side.conntrack());
  const t = await side.finish(c);
  if (t !== void 0) obs.trace = traceKey(t);
  return obs;
}
var KernelSide = class {
  constructor(lab) {
    this.lab = lab;
  }
  lab;
  async reset(c) {
    this.lab.reset(c.sysctls);
    await this.lab.relisten();
    await this.lab.drain();
    const r = this.lab.restore(c.rules);
    if (c.trace) await this.lab.startMonitor();
    return `${r.status} ${r.stderr}`;
  }
  async step(from, p) {
    const r = from === "local" ? await this.lab.local(ipBytes(p), p.mark) : await this.lab.inject(from === "eth1" ? "veth1" : "veth0", frameBytes(p));
    if (this.lab.monitoring) await new Promise((res) => setTimeout(res, 60));
    const emitted = [];
    for (const c of r.captured) {
      const q = parseFrame(c.frame);
      if (q) emitted.push({ dev: c.dev === "veth1" ? "eth1" : "eth0", pkt: q });
    }
    const log = r.log.map((l) => this.lab.fromLab(l));
    if (r.timeout) log.push(`(barrier timeout on ${r.timeout.join(",")})`);
    const err = r.error === void 0 ? void 0 : /Operation not permitted/.test(r.error) ? "EPERM" : r.error;
    return { emitted, log, err };
  }
  save() {
    return this.lab.save();
  }
  conntrack() {
    return this.lab.conntrack();
  }
  async finish(c) {
    if (!c.trace) return void 0;
    return this.lab.stopMonitor();
  }
};
var TwinSide = class {
  host;
  traces = [];
  async reset(c) {
    this.host = twinHost(c.sysctls);
    this.traces = [];
    const r = this.host.iptablesRestore([], c.rules);
    return `${r.status} ${r.stderr}`;
  }
  async step(from, p) {
    const h = this.host;
    h.elapsedNs += 1000000n;
    const logStart = h.kernlog.length;
    const stack = h.stack();
    const rep = from === "local" ? stack.send(p) : stack.receive(p, from);
    const emitted = rep.emitted.map((e) => {
      const q = e.pkt.clone();
      q.macDst = neighbourMac(e.dev, q.dst);
      return { dev: e.dev, pkt: parseFrame(frameBytes(q)) };
    });
    if (rep.trace.length) this.traces.push(traceLines(rep.trace, h.db));
    const log = [];
    for (let i = logStart; i < h.kernlog.length; i++) log.push(h.kernlog[i].line);
    const f = rep.fate;
    const err = from === "local" && f.kind === "dropped" && (f.hook === 3 || f.hook === 4) ? "EPERM" : void 0;
    return { emitted, log, err };
  }
  save() {
    return this.host.iptablesSave(["-c"]).stdout;
  }
  conntrack() {
    const s = new ShellSession(this.host);
    const cmd = s.commands.get("conntrack");
    if (!cmd) return "";
    return cmd(["conntrack", "-L"], "", s).stdout;
  }
  async finish(c) {
    return c.trace ? this.traces.join("") : void 0;
  }
};
function compareObs(want, got) {
  const out = [];
  if (want.restore !== got.restore)
    out.push({
      kind: "restore",
      detail: `kernel: ${want.restore.trim()} | twin: ${got.restore.trim()}`
    });
  want.steps.forEach((w, i) => {
    const g = got.steps[i] ?? { out: [], log: [] };
    if (w.out.join("\n") !== g.out.join("\n")) out.push({ kind: "emitted", step: i, detail: firstDiff(w.out, g.out) });
    if ((w.err ?? "") !== (g.err ?? ""))
      out.push({
        kind: "emitted",
        step: i,
        detail: `sendto(): kernel ${w.err ?? "ok"}, twin ${g.err ?? "ok"}`
      });
    if (w.log.join("\n") !== g.log.join("\n")) out.push({ kind: "log", step: i, detail: firstDiff(w.log, g.log) });
  });
  if (want.save !== got.save)
    out.push({
      kind: "counters",
      detail: firstDiff(want.save.split("\n"), got.save.split("\n"))
    });
  if (want.conntrack.join("\n") !== got.conntrack.join("\n"))
    out.push({
      kind: "conntrack",
      detail: firstDiff(want.conntrack, got.conntrack)
    });
  if ((want.trace ?? "") !== (got.trace ?? ""))
    out.push({
      kind: "trace",
      detail: firstDiff((want.trace ?? "").split("\n"), (got.trace ?? "").split("\n"))
    });
  return out;
}
function firstDiff(a, b) {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:
      kernel: ${a[i] ?? "(none)"}
      twin:   ${b[i] ?? "(none)"}`;
  }
  return "(same lines)";
}

// test/support/packet-gen.ts
var TABLE_HOOKS = {
  raw: ["PREROUTING", "OUTPUT"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  filter: ["INPUT", "FORWARD", "OUTPUT"]
};
var LOCAL_ADDRS = ["10.0.0.1", "10.0.1.1"];
var C0_ADDRS = ["10.0.0.2", "10.0.2.5", "10.0.2.77", "10.0.2.200"];
var C1_ADDRS = ["10.0.1.2", "198.51.100.7", "198.51.100.99", "203.0.113.1", "203.0.113.250"];
var PORTS = [22, 53, 80, 443, 8080, 1234, 5e3, 33e3];
function pick(r, xs) {
  return xs[r.below(xs.length)];
}
function chance(r, p) {
  return r.next32() / 4294967296 < p;
}
function addrSpec(r) {
  const pool = [...LOCAL_ADDRS, ...C0_ADDRS, ...C1_ADDRS];
  const a = pick(r, pool);
  const masks = ["", "", "/32", "/24", "/16", "/8", "/30"];
  return a + pick(r, masks);
}
function inv(r, p = 0.15) {
  return chance(r, p) ? "! " : "";
}
function portSpec(r) {
  if (chance(r, 0.25)) {
    const a = pick(r, PORTS);
    return `${a}:${a + r.below(3e3)}`;
  }
  return String(pick(r, PORTS));
}
function ipPart(c) {
  const r = c.r;
  let s = "";
  if (chance(r, 0.3)) s += ` ${inv(r)}-s ${addrSpec(r)}`;
  if (chance(r, 0.3)) s += ` ${inv(r)}-d ${addrSpec(r)}`;
  const inOk = c.hooks.every((h) => h === "PREROUTING" || h === "INPUT" || h === "FORWARD");
  const outOk = c.hooks.every((h) => h === "FORWARD" || h === "OUTPUT" || h === "POSTROUTING");
  if (inOk && chance(r, 0.25)) s += ` ${inv(r, 0.1)}-i ${pick(r, ["eth0", "eth1", "eth+", "lo"])}`;
  if (outOk && chance(r, 0.25)) s += ` ${inv(r, 0.1)}-o ${pick(r, ["eth0", "eth1", "eth+", "lo"])}`;
  let proto2 = null;
  if (chance(r, 0.6)) {
    proto2 = pick(r, ["tcp", "tcp", "udp", "icmp"]);
    if (chance(r, 0.08)) {
      s += ` ! -p ${proto2}`;
      proto2 = null;
    } else s += ` -p ${proto2}`;
  }
  return { text: s, proto: proto2 };
}
function matchPieces(c, proto2) {
  const r = c.r;
  const out = [];
  if (proto2 === "tcp") {
    out.push({
      text: ` -m tcp ${inv(r)}--dport ${portSpec(r)}`,
      needs: ["tcp"]
    });
    out.push({
      text: ` -m tcp ${inv(r)}--sport ${portSpec(r)}`,
      needs: ["tcp"]
    });
    out.push({ text: ` -m tcp ${inv(r, 0.1)}--syn`, needs: ["tcp"] });
    out.push({
      text: ` -m tcp --tcp-flags ${pick(r, ["SYN,ACK SYN", "SYN,ACK,FIN,RST RST", "ALL ACK", "SYN,ACK SYN,ACK", "FIN,ACK FIN,ACK"])}`,
      needs: ["tcp"]
    });
    out.push({
      text: ` -m multiport --dports ${pick(r, PORTS)},${pick(r, PORTS)},${pick(r, PORTS)}`,
      needs: ["multiport"]
    });
  } else if (proto2 === "udp") {
    out.push({
      text: ` -m udp ${inv(r)}--dport ${portSpec(r)}`,
      needs: ["udp"]
    });
    out.push({ text: ` -m udp --sport ${portSpec(r)}`, needs: ["udp"] });
    out.push({
      text: ` -m multiport --ports ${pick(r, PORTS)},${pick(r, PORTS)}`,
      needs: ["multiport"]
    });
  } else if (proto2 === "icmp") {
    const t = pick(r, [
      "echo-request",
      "echo-reply",
      "destination-unreachable",
      "port-unreachable",
      "time-exceeded",
      "8/0",
      "any"
    ]);
    out.push({
      text: ` -m icmp ${inv(r, 0.1)}--icmp-type ${t}`,
      needs: ["icmp"]
    });
  }
  const st = pick(r, [
    "NEW",
    "ESTABLISHED",
    "RELATED",
    "INVALID",
    "NEW,ESTABLISHED",
    "ESTABLISHED,RELATED",
    "UNTRACKED",
    "DNAT",
    "SNAT"
  ]);
  out.push({
    text: ` -m conntrack ${inv(r, 0.1)}--ctstate ${st}`,
    needs: ["conntrack"]
  });
  out.push({
    text: ` -m state --state ${pick(r, ["NEW", "ESTABLISHED", "RELATED", "INVALID", "NEW,ESTABLISHED", "UNTRACKED"])}`,
    needs: ["state"]
  });
  if (chance(r, 0.3))
    out.push({
      text: ` -m conntrack --ctorigdst ${addrSpec(r)}`,
      needs: ["conntrack"]
    });
  if (chance(r, 0.3))
    out.push({
      text: ` -m conntrack --ctstatus ${pick(r, ["SEEN_REPLY", "ASSURED", "CONFIRMED", "EXPECTED"])}`,
      needs: ["conntrack"]
    });
  out.push({
    text: ` -m mark ${inv(r, 0.1)}--mark ${pick(r, ["0x1", "0x2", "0x10/0xf0", "0x0/0xff", "0x3"])}`,
    needs: ["mark"]
  });
  out.push({
    text: ` -m connmark --mark ${pick(r, ["0x1", "0x2", "0x0"])}`,
    needs: ["connmark"]
  });
  out.push({
    text: ` -m length ${inv(r, 0.1)}--length ${pick(r, ["0:40", "41:100", "60", "29:1500"])}`,
    needs: ["length"]
  });
  out.push({
    text: ` -m ttl --${pick(r, ["ttl-eq", "ttl-lt", "ttl-gt"])} ${pick(r, [1, 2, 10, 63, 64, 100])}`,
    needs: ["ttl"]
  });
  out.push({
    text: ` -m tos --tos ${pick(r, ["0x00", "0x10", "0x08/0x08", "Minimize-Delay"])}`,
    needs: ["tos"]
  });
  out.push({
    text: ` -m dscp --dscp ${pick(r, [0, 4, 8, 46])}`,
    needs: ["dscp"]
  });
  out.push({
    text: ` -m addrtype ${pick(r, ["--dst-type LOCAL", "--src-type LOCAL", "--dst-type UNICAST", "! --dst-type LOCAL", "--dst-type BROADCAST"])}`,
    needs: ["addrtype"]
  });
  out.push({
    text: ` -m iprange --${pick(r, ["src", "dst"])}-range ${pick(r, ["10.0.0.0-10.0.0.255", "198.51.100.1-198.51.100.50", "10.0.1.1-10.0.2.100"])}`,
    needs: ["iprange"]
  });
  if (c.hooks.every((h) => h === "PREROUTING" || h === "INPUT" || h === "FORWARD")) {
    out.push({
      text: ` -m mac ${inv(r, 0.1)}--mac-source ${pick(r, ["02:00:00:00:01:02", "02:00:00:00:02:02", "02:00:00:00:09:09"])}`,
      needs: ["mac"]
    });
  }
  out.push({
    text: ` -m pkttype --pkt-type ${pick(r, ["unicast", "broadcast", "multicast"])}`,
    needs: ["pkttype"]
  });
  out.push({
    text: ` -m comment --comment "c${r.below(100)}"`,
    needs: ["comment"]
  });
  out.push({
    text: ` -m statistic --mode nth --every ${2 + r.below(3)}${chance(r, 0.5) ? ` --packet ${r.below(2)}` : ""}`,
    needs: ["statistic"]
  });
  out.push({
    text: ` -m limit --limit ${pick(r, ["1/hour", "3/day"])} --limit-burst ${1 + r.below(4)}`,
    needs: ["limit"]
  });
  out.push({
    text: ` -m recent --name r${r.below(2)} ${pick(r, ["--set", "--rcheck", "--update", "--rcheck --hitcount 2", "--remove"])}`,
    needs: ["recent"]
  });
  out.push({
    text: ` -m connbytes --connbytes ${pick(r, ["0:100", "100:", "2:3"])} --connbytes-dir ${pick(r, ["original", "reply", "both"])} --connbytes-mode ${pick(r, ["packets", "bytes"])}`,
    needs: ["connbytes"]
  });
  if (c.hooks.every((h) => h === "OUTPUT" || h === "POSTROUTING"))
    out.push({
      text: ` -m owner ${inv(r, 0.2)}--uid-owner 0`,
      needs: ["owner"]
    });
  return out;
}
function targetPieces(c, proto2, userChains) {
  const r = c.r;
  const out = [];
  const hooks = c.hooks;
  const only = (...hs) => hooks.length > 0 && hooks.every((h) => hs.includes(h));
  out.push({ text: " -j ACCEPT", needs: [] }, { text: " -j ACCEPT", needs: [] });
  out.push({ text: " -j DROP", needs: [] });
  out.push({ text: " -j RETURN", needs: [] });
  out.push({ text: "", needs: [] });
  for (const u of userChains) out.push({ text: chance(r, 0.8) ? ` -j ${u}` : ` -g ${u}`, needs: [] });
  const n = ++c.logN.n;
  out.push({
    text: ` -j LOG --log-prefix "${LOG_TAG}${n} "${pick(r, ["", "", " --log-level 6", " --log-tcp-sequence", " --log-tcp-options", " --log-ip-options", " --log-uid", " --log-macdecode"])}`,
    needs: ["LOG"]
  });
  out.push({
    text: ` -j MARK --${pick(r, ["set-mark 0x1", "set-mark 0x2", "or-mark 0x10", "and-mark 0xf", "set-xmark 0x3/0x1"])}`,
    needs: ["MARK"]
  });
  out.push({
    text: ` -j CONNMARK --${pick(r, ["set-mark 0x1", "save-mark", "restore-mark", "set-mark 0x2/0xff"])}`,
    needs: ["CONNMARK"]
  });
  if (c.table === "filter" && only("INPUT", "FORWARD", "OUTPUT")) {
    const w = proto2 === "tcp" && chance(r, 0.4) ? "tcp-reset" : pick(r, [
      "icmp-port-unreachable",
      "icmp-host-unreachable",
      "icmp-net-unreachable",
      "icmp-admin-prohibited",
      "icmp-host-prohibited",
      "icmp-proto-unreachable"
    ]);
    out.push({
      text: ` -j REJECT${chance(r, 0.2) ? "" : ` --reject-with ${w}`}`,
      needs: ["REJECT"]
    });
  }
  if (c.table === "nat") {
    const to = pick(r, [...LOCAL_ADDRS, ...C0_ADDRS, ...C1_ADDRS]);
    const portful = proto2 === "tcp" || proto2 === "udp";
    const port2 = portful && chance(r, 0.5) ? `:${pick(r, PORTS)}${chance(r, 0.2) ? `-${pick(r, PORTS) + 5e3}` : ""}` : "";
    if (only("PREROUTING", "OUTPUT")) {
      out.push(
        { text: ` -j DNAT --to-destination ${to}${port2}`, needs: ["DNAT"] },
        { text: ` -j DNAT --to-destination ${to}${port2}`, needs: ["DNAT"] }
      );
      if (portful)
        out.push({
          text: ` -j REDIRECT${chance(r, 0.6) ? ` --to-ports ${pick(r, PORTS)}` : ""}`,
          needs: ["REDIRECT"]
        });
    }
    if (only("POSTROUTING", "INPUT")) {
      out.push(
        { text: ` -j SNAT --to-source ${to}${port2}`, needs: ["SNAT"] },
        { text: ` -j SNAT --to-source ${to}${port2}`, needs: ["SNAT"] }
      );
    }
    if (only("POSTROUTING"))
      out.push({
        text: ` -j MASQUERADE${portful && chance(r, 0.3) ? ` --to-ports ${pick(r, PORTS)}` : ""}`,
        needs: ["MASQUERADE"]
      });
    if (only("PREROUTING", "OUTPUT") || only("POSTROUTING", "INPUT")) {
      out.push({
        text: ` -j NETMAP --to ${pick(r, ["10.0.2.0/24", "198.51.100.0/24", "10.0.0.0/30"])}`,
        needs: ["NETMAP"]
      });
    }
  }
  if (c.table === "mangle") {
    out.push({
      text: ` -j TTL --${pick(r, ["ttl-set 9", "ttl-dec 1", "ttl-inc 2"])}`,
      needs: ["TTL"]
    });
    out.push({
      text: ` -j TOS --set-tos ${pick(r, ["0x10", "0x08", "0"])}`,
      needs: ["TOS"]
    });
    out.push({
      text: ` -j DSCP --set-dscp ${pick(r, [0, 10, 46])}`,
      needs: ["DSCP"]
    });
    if (proto2 === "tcp") out.push({ text: ` -j ECN --ecn-tcp-remove`, needs: ["ECN"] });
  }
  if (c.table === "raw") {
    out.push({ text: " -j CT --notrack", needs: ["CT"] }, { text: " -j NOTRACK", needs: ["NOTRACK"] });
  }
  return out;
}
function available(host, p) {
  for (const n of p.needs) {
    const m = host.registry.findMatch(n);
    const t = host.registry.findTarget(n);
    const ext = m ?? t;
    if (!ext || !("compile" in ext) || !ext.compile) return false;
  }
  return true;
}
function genRules(r, scratch, weightTable) {
  const logN = { n: 0 };
  for (const table of ["raw", "mangle", "nat", "filter"]) {
    if (!chance(r, weightTable[table])) continue;
    const hooks = TABLE_HOOKS[table];
    const users = [];
    const nUser = chance(r, 0.4) ? 1 + r.below(2) : 0;
    for (let i = 0; i < nUser; i++) {
      const name = `U${i}`;
      if (scratch.iptables(["-t", table, "-N", name]).status === 0) users.push(name);
    }
    for (const hook of hooks) {
      if (!chance(r, 0.7)) continue;
      if (table === "filter" && chance(r, 0.25)) scratch.iptables(["-t", table, "-P", hook, "DROP"]);
      const n = 1 + r.below(5);
      for (let i = 0; i < n; i++) addRule(r, scratch, table, hook, [hook], users, logN);
    }
    for (const u of users) {
      const n = 1 + r.below(4);
      for (let i = 0; i < n; i++)
        addRule(
          r,
          scratch,
          table,
          u,
          hooks,
          users.filter((x) => x > u),
          logN
        );
    }
  }
  return scratch.save();
}
function addRule(r, scratch, table, chain, hooks, users, logN) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const c = {
      table,
      hook: hooks.length === 1 ? hooks[0] : null,
      hooks,
      proto: null,
      r,
      logN
    };
    const ip2 = ipPart(c);
    let text = ip2.text;
    const nMatch = r.below(3);
    const ms = matchPieces(c, ip2.proto).filter((p) => available(scratch, p));
    for (let i = 0; i < nMatch && ms.length; i++) text += ms.splice(r.below(ms.length), 1)[0].text;
    const ts = targetPieces(c, ip2.proto, users).filter((p) => available(scratch, p));
    text += pick(r, ts).text;
    const argv = ["-t", table, "-A", chain, ...splitWords(text)];
    if (scratch.iptables(argv).status === 0) return;
  }
}
function splitWords(s) {
  const out = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m;
  while (m = re.exec(s)) out.push(m[1] ?? m[2]);
  return out;
}
function tcpFlags(r) {
  return pick(r, ["S", "S", "S", "S", "A", "SA", "R", "RA", "F", "FA", "PA", "", "SF"]);
}
function fresh3(r, category) {
  const proto2 = category.endsWith("tcp") ? "tcp" : category.endsWith("udp") ? "udp" : "icmp";
  let from;
  let src;
  let dst;
  if (category.startsWith("in-")) {
    from = pick(r, ["eth0", "eth1"]);
    src = pick(r, from === "eth0" ? C0_ADDRS : C1_ADDRS);
    dst = pick(r, LOCAL_ADDRS);
  } else if (category.startsWith("fwd-")) {
    from = pick(r, ["eth0", "eth1"]);
    src = pick(r, from === "eth0" ? C0_ADDRS : C1_ADDRS);
    dst = pick(r, from === "eth0" ? C1_ADDRS : C0_ADDRS);
  } else {
    from = "local";
    src = pick(r, LOCAL_ADDRS);
    dst = pick(r, [...C0_ADDRS, ...C1_ADDRS]);
  }
  const pkt = { src, dst, proto: proto2 };
  if (proto2 === "tcp") {
    pkt.sport = 1024 + r.below(6e4);
    pkt.dport = pick(r, PORTS);
    pkt.flags = tcpFlags(r);
    pkt.seq = r.next32();
    if (String(pkt.flags).includes("A")) pkt.ack = r.next32();
  } else if (proto2 === "udp") {
    pkt.sport = 1024 + r.below(6e4);
    pkt.dport = pick(r, PORTS);
  } else {
    const t = pick(r, [
      "echo-request",
      "echo-request",
      "echo-request",
      "echo-reply",
      "port-unreachable",
      "time-exceeded"
    ]);
    pkt.type = t;
    if (t.startsWith("echo")) {
      pkt.id = r.below(65536);
      pkt.seq = r.below(65536);
    } else {
      pkt.inner = {
        src: dst,
        dst: src,
        proto: "udp",
        sport: pick(r, PORTS),
        dport: 1024 + r.below(6e4)
      };
    }
  }
  if (chance(r, 0.2)) pkt.len = 60 + r.below(200);
  if (chance(r, 0.15)) pkt.ttl = pick(r, [1, 2, 5, 128, 255]);
  if (chance(r, 0.1)) pkt.tos = pick(r, [16, 8, 4, 184]);
  if (chance(r, 0.3)) pkt.ipid = r.below(65536);
  if (chance(r, 0.2)) pkt.df = true;
  if (from === "local" && chance(r, 0.2)) pkt.mark = pick(r, [1, 2, 16]);
  return { from, pkt, category: `${category.split("-")[0]}-${proto2}` };
}
var CATEGORIES = ["in-tcp", "in-udp", "in-icmp", "fwd-tcp", "fwd-udp", "fwd-icmp", "out-tcp", "out-udp", "out-icmp"];
function generateCase(seed, o = {}) {
  const r = new Rng(seed * 2654435761 + 17);
  const scratch = new Host({ epoch: 17e8 });
  const trace = chance(r, o.trace ?? 0.15);
  const rules = genRules(r, scratch, {
    raw: 0.35,
    mangle: 0.45,
    nat: 0.6,
    filter: 0.85
  });
  const sysctls = {};
  if (chance(r, 0.1)) sysctls["net.ipv4.ip_forward"] = "0";
  const steps = [];
  const n = 2 + r.below(7);
  for (let i = 0; i < n; i++) {
    const prev = steps.length - 1;
    if (prev >= 0 && !steps[prev].reply && chance(r, 0.45)) {
      steps.push({
        from: "eth0",
        reply: { step: prev, nth: 0 },
        category: "reply"
      });
      continue;
    }
    if (prev >= 0 && steps[prev].reply && chance(r, 0.4)) {
      steps.push({
        from: "eth0",
        reply: { step: prev, nth: 0, fin: chance(r, 0.3) },
        category: "reply"
      });
      continue;
    }
    steps.push(fresh3(r, pick(r, CATEGORIES)));
  }
  let text = rules;
  if (trace) text = addTraceRules(text);
  return { seed, sysctls, rules: text, steps, trace: trace || void 0 };
}
function addTraceRules(save) {
  const h = new Host({ epoch: 17e8 });
  if (save.trim()) h.restore(save);
  h.iptables(["-t", "raw", "-I", "PREROUTING", "1", "-j", "TRACE"]);
  h.iptables(["-t", "raw", "-I", "OUTPUT", "1", "-j", "TRACE"]);
  return h.save();
}

// .kp-exp.ts
async function main() {
  const arg = process.argv[2];
  const mode = process.argv[3] ?? "both";
  let cases;
  if (/^\d+$/.test(arg)) cases = [generateCase(Number(arg))];
  else if (arg.startsWith("reg:")) {
    const f = JSON.parse(readFileSync("test/kernel-packets/regressions.json", "utf8"));
    cases = f.cases.filter((c) => c.seed === Number(arg.slice(4))).map((c) => c.case);
  } else {
    const j = JSON.parse(readFileSync(arg, "utf8"));
    cases = Array.isArray(j) ? j : [j];
  }
  let lab = null;
  if (mode !== "twin") {
    lab = KernelLab.create();
    await lab.start();
  }
  try {
    for (const c of cases) {
      if (process.env.SHOWRULES) console.log(c.rules);
      if (process.env.SHOWSTEPS) console.log(JSON.stringify(c.steps, null, 1));
      const t = await runCase(c, new TwinSide());
      if (mode === "twin") {
        console.log(JSON.stringify(t, null, 1));
        continue;
      }
      const k = await runCase(c, new KernelSide(lab));
      if (mode === "kernel") {
        console.log(JSON.stringify(k, null, 1));
        continue;
      }
      if (process.env.SHOWK) console.log("KERNEL", JSON.stringify(k, null, 1));
      if (process.env.SHOWT) console.log("TWIN", JSON.stringify(t, null, 1));
      const d = compareObs(k, t);
      console.log(`seed ${c.seed}: ${d.length} diffs`);
      for (const x of d) console.log(`  ${x.kind} step ${x.step === void 0 ? "-" : x.step + 1}: ${x.detail}`);
    }
  } finally {
    await lab?.destroy();
  }
}
main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});

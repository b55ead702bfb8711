/**
 * Why getaddrinfo() fails for a name the hosts file does not know, with
 * glibc's files+dns lookup and no reachable name server: names the DNS
 * backend refuses before querying (res_hnok(), all-numeric names) give
 * EAI_NONAME, any other name EAI_AGAIN.
 */

/** glibc res_hnok() after ns_name_pton(): printable, labels of [A-Za-z0-9_-], not starting with '-'. */
function dnsNameOk(name: string): boolean {
  if (name === "") return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  if (name[0] === "-") return false;
  if (name === ".") return true;
  const labels = (name.endsWith(".") ? name.slice(0, -1) : name).split(".");
  if (name.length > 254) return false;
  for (const l of labels) {
    if (l.length === 0 || l.length > 63) return false;
    // a backslash escapes the next character (ns_name_pton)
    if (!/^(?:[A-Za-z0-9_-]|\\.)+$/.test(l)) return false;
  }
  return true;
}

/** The gai_strerror() text of a failed lookup of `name`. */
export function hostLookupFailure(name: string): string {
  if (!dnsNameOk(name)) return "Name or service not known";
  // nss_dns: a name of digits and dots (not ending in a dot) is never queried
  if (/^[0-9][0-9.]*$/.test(name) && !name.endsWith(".")) return "Name or service not known";
  return "Temporary failure in name resolution";
}

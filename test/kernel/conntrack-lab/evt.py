import subprocess, signal, time, os
class Events:
    def __init__(self, L, args=""):
        self.p = subprocess.Popen(["ip", "netns", "exec", L.dut, "conntrack", "-E", *args.split()], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
    def stop(self):
        time.sleep(0.3)
        self.p.send_signal(signal.SIGINT)
        try:
            out, err = self.p.communicate(timeout=3)
        except subprocess.TimeoutExpired:
            self.p.kill(); out, err = self.p.communicate()
        return out, err

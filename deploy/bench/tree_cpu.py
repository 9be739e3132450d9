"""CPU seconds (user + system) spent so far by a process and its descendants, from Linux's /proc.

Usage: python3 tree_cpu.py PID. Counts the live descendants' own time (utime + stime) and the time of those that
ended, which the kernel adds to the process that waited for them (the root's cutime + cstime): PostgreSQL's postmaster
waits for its backends and parallel workers, so their CPU is counted after they exit too.
"""
import os
import sys

root = int(sys.argv[1])
processes = {}  # pid -> (parent pid, utime + stime, cutime + cstime), in clock ticks
for pid in filter(str.isdigit, os.listdir('/proc')):
    try:
        with open('/proc/%s/stat' % pid) as stat_file:
            stat = stat_file.read()
        fields = stat[stat.rindex(')') + 2:].split()  # after "pid (comm) ": comm may hold spaces
        processes[int(pid)] = (int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14]))
    except (OSError, ValueError, IndexError):
        pass  # ended while /proc was read


def in_tree(pid):
    while pid > 1:
        if pid == root:
            return True
        pid = processes.get(pid, (0,))[0]
    return False


ticks = sum(own for pid, (_, own, _) in processes.items() if in_tree(pid)) + processes.get(root, (0, 0, 0))[2]
print('%.2f' % (ticks / os.sysconf('SC_CLK_TCK')))

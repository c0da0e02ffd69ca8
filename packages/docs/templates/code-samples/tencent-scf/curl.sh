# Against the local mock (`{{mockCommand}}`), with its test keys. curl cannot sign TC3-HMAC-SHA256,
# so openssl does; for the real API set HOST=scf.tencentcloudapi.com and use https.
SECRET_ID='{{mockId}}' SECRET_KEY='{{mockSecret}}'
HOST='{{mockHost}}' SERVICE=scf
BODY='{{body}}'
TS=$(date +%s); DAY=$(date -u -d "@$TS" +%F)
sha256() { printf '%s' "$1" | openssl dgst -sha256 -hex | sed 's/^.* //'; }
hmac() { printf '%s' "$2" | openssl dgst -sha256 -mac HMAC -macopt "$1" -hex | sed 's/^.* //'; }
REQUEST=$(printf '{{method}}\n{{path}}\n\ncontent-type:application/json\nhost:%s\n\ncontent-type;host\n%s' "$HOST" "$(sha256 "$BODY")")
TO_SIGN=$(printf 'TC3-HMAC-SHA256\n%s\n%s/%s/tc3_request\n%s' "$TS" "$DAY" "$SERVICE" "$(sha256 "$REQUEST")")
K=$(hmac "key:TC3$SECRET_KEY" "$DAY"); K=$(hmac "hexkey:$K" "$SERVICE"); K=$(hmac "hexkey:$K" tc3_request)
SIGNATURE=$(hmac "hexkey:$K" "$TO_SIGN")
curl "http://$HOST{{path}}" \
  -H 'Content-Type: application/json' \
  -H 'X-TC-Action: {{action}}' -H 'X-TC-Version: {{X-TC-Version}}' -H "X-TC-Timestamp: $TS" \
  -H "Authorization: TC3-HMAC-SHA256 Credential=$SECRET_ID/$DAY/$SERVICE/tc3_request, SignedHeaders=content-type;host, Signature=$SIGNATURE" \
  -d "$BODY"

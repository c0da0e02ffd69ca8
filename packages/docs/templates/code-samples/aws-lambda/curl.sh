# Against the local mock (`{{mockCommand}}`), with its test keys; curl 7.75+ signs SigV4 itself.
# For the real API use https://lambda.us-east-1.amazonaws.com and your own keys.
curl --aws-sigv4 "aws:amz:us-east-1:lambda" \
  --user "{{mockId}}:{{mockSecret}}" \
  "{{mockUrl}}{{path}}"

-- wrk script: POST a diagnosis (a mistyped ID, so rules run and findings are stored).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"symptom":"application-rejected","language":"en","personal":{"name":"张三","idNumber":"110105194912310023"}}'

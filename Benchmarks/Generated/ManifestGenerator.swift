/// A generated manifest repository for the import benchmark: `count` Deployments, each with a
/// Service, a ConfigMap and a Secret (4 objects per app), every app calling the next one's
/// Service through its environment, so inference has selectors, env calls and mounts to find.
public enum ManifestGenerator {
    public static func apps(_ count: Int) -> String {
        var out = ""
        out.reserveCapacity(count * 1400)
        for i in 0..<count {
            let next = "app\((i + 1) % count)"
            out += """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app\(i)
              labels: {app: app\(i), tier: backend}
            spec:
              replicas: \(1 + i % 3)
              selector:
                matchLabels: {app: app\(i)}
              template:
                metadata:
                  labels: {app: app\(i), tier: backend}
                spec:
                  containers:
                  - name: server
                    image: registry.example/app\(i):1.\(i % 10)
                    ports:
                    - {name: http, containerPort: 8080}
                    env:
                    - {name: NEXT_ADDR, value: "\(next):80"}
                    - name: PASSWORD
                      valueFrom: {secretKeyRef: {name: app\(i)-secret, key: password}}
                    envFrom:
                    - configMapRef: {name: app\(i)-config}
                    volumeMounts:
                    - {name: config, mountPath: /etc/app}
                  volumes:
                  - name: config
                    configMap: {name: app\(i)-config}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: app\(i)
            spec:
              type: \(i == 0 ? "LoadBalancer" : "ClusterIP")
              selector: {app: app\(i)}
              ports:
              - {name: http, port: 80, targetPort: http}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app\(i)-config
            data:
              LOG_LEVEL: info
              settings.conf: |
                threads = \(4 + i % 4)
                upstream = \(next)
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: app\(i)-secret
            type: Opaque
            stringData:
              password: not-a-secret-\(i)
            ---

            """
        }
        return out
    }
}

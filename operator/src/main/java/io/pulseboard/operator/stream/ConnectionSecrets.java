package io.pulseboard.operator.stream;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.status.Reason;
import io.pulseboard.operator.status.ReconcileProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reads a ClickHouse connection from a Secret with the keys url, user (default "default") and password. */
public final class ConnectionSecrets {
  private ConnectionSecrets() {}

  public static ClickHouseConnection read(KubernetesClient client, String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new ReconcileProblem(Reason.ConnectionSecretMissing,
          "Secret " + namespace + "/" + name + " named by spec.clickhouse.connectionSecret does not exist");
    }
    String url = value(secret, "url");
    if (url == null || url.isBlank()) {
      throw new ReconcileProblem(Reason.ConnectionSecretMissing,
          "Secret " + namespace + "/" + name + " has no key url");
    }
    String user = value(secret, "user");
    String password = value(secret, "password");
    return new ClickHouseConnection(url.trim(), user == null || user.isBlank() ? "default" : user,
        password == null ? "" : password);
  }

  // data is what an API server stores; stringData is read too because the local API server keeps it as sent
  private static String value(Secret secret, String key) {
    Map<String, String> data = secret.getData();
    if (data != null && data.get(key) != null) {
      return new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
    }
    Map<String, String> stringData = secret.getStringData();
    return stringData == null ? null : stringData.get(key);
  }
}

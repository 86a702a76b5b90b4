package io.jenkins.plugins.securedeploy.jenkins.approval;

/** Request ids the engine accepts ({@code [A-Za-z0-9._:/#@+=-]}, at most 200) from a build id and a step id. */
final class ApprovalIds {
    private ApprovalIds() {}

    static String of(String externalizableId, String stepId) {
        String raw = externalizableId + "/" + stepId;
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 || "._:/#@+=-".indexOf(c) >= 0 ? c : '-');
        }
        String id = sb.toString();
        while (!id.isEmpty() && !Character.isLetterOrDigit(id.charAt(0))) {
            id = id.substring(1);
        }
        return id.length() > 190 ? id.substring(id.length() - 190) : id.isEmpty() ? "approval" : id;
    }
}

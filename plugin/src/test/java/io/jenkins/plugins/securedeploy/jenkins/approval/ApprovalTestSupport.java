package io.jenkins.plugins.securedeploy.jenkins.approval;

import hudson.model.Item;
import hudson.model.User;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Users, permissions and the vote POST shared by the approval ITests. */
public final class ApprovalTestSupport {
    /** Builds the artifact, passes the gate on a clean workspace, then asks for one approval from group release. */
    static final String PIPELINE = "node { writeFile file: 'app.bin', text: 'release 1.0'\n"
            + "runScanners tools: ['secure-deploy-secrets']\nsecurityGate()\n"
            + "def d = requireApproval id: 'prod', artifact: 'app.bin', approvers: ['group:release'], required: 1\n"
            + "echo \"approved by ${d.approvers}\" }";

    private ApprovalTestSupport() {}

    /** alice and bob are in group release and may cancel (vote); carol is in release but may only read. */
    public static void security(JenkinsRule r) {
        JenkinsRule.DummySecurityRealm realm = r.createDummySecurityRealm();
        realm.addGroups("alice", "release");
        realm.addGroups("bob", "release");
        realm.addGroups("carol", "release");
        r.jenkins.setSecurityRealm(realm);
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CANCEL).everywhere().to("alice", "bob")
                .grant(Jenkins.READ, Item.READ).everywhere().to("carol")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        for (String id : List.of("alice", "bob", "carol")) {
            User.getById(id, true);
        }
    }

    /** The request id and the fingerprint the page shows (what a voter posts back). */
    public static ApprovalView pending(WorkflowRun b) {
        return b.getAction(ApprovalAction.class).getApprovals().get(0);
    }

    /** POSTs a vote as {@code user}, with a crumb unless {@code withCrumb} is false; returns the HTTP status. */
    public static int vote(JenkinsRule r, WorkflowRun b, String user, String vote, boolean withCrumb) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login(user);
        wc.setThrowExceptionOnFailingStatusCode(false);
        String path = b.getUrl() + ApprovalAction.URL + "/vote";
        URL url = withCrumb ? wc.createCrumbedUrl(path) : new URL(r.getURL(), path);
        WebRequest request = new WebRequest(url, HttpMethod.POST);
        ApprovalView a = pending(b);
        List<NameValuePair> params = new ArrayList<>();
        params.add(new NameValuePair("id", a.getId()));
        params.add(new NameValuePair("vote", vote));
        params.add(new NameValuePair("reason", "checked the gate report"));
        params.add(new NameValuePair("shown", a.getShownFingerprint()));
        request.setRequestParameters(params);
        Page page = wc.getPage(request);
        return page.getWebResponse().getStatusCode();
    }
}

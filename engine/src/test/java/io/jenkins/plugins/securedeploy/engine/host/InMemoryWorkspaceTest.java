package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.testing.AbstractWorkspaceTest;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;

class InMemoryWorkspaceTest extends AbstractWorkspaceTest {
    @Override
    protected Workspace createWorkspace() {
        return new InMemoryWorkspace();
    }
}

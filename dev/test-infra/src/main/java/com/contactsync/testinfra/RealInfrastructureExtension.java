package com.contactsync.testinfra;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The extension behind {@link RealInfrastructure}. */
public final class RealInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    /** Starts the servers before anything in the class (a Spring test context, say) asks for their addresses. */
    @Override
    public void beforeAll(ExtensionContext context) {
        Infrastructure.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return Infrastructure.get();
    }
}

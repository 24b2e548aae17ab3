package com.contactsync.graphsim.graph;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The Graph v1.0 surface the simulator serves. */
@Configuration(proxyBeanMethods = false)
class GraphRoutes {

    @Bean
    RouterFunction<ServerResponse> graphRoute(ContactFolderHandler folders, ContactHandler contacts, DeltaHandler delta) {
        return RouterFunctions.route()
                .path("/v1.0/users/{user}", user -> user
                        // before .../contacts/{contactId}, which "delta" would match too
                        .GET("/contactFolders/{folderId}/contacts/delta", delta::inFolder)
                        .GET("/contactFolders/{folderId}/contacts/delta()", delta::inFolder)
                        .GET("/contacts/delta", delta::inDefaultFolder)
                        .GET("/contacts/delta()", delta::inDefaultFolder)
                        .GET("/contactFolders", folders::list)
                        .POST("/contactFolders", folders::create)
                        .GET("/contactFolders/{folderId}", folders::get)
                        .PATCH("/contactFolders/{folderId}", folders::rename)
                        .DELETE("/contactFolders/{folderId}", folders::delete)
                        .GET("/contactFolders/{folderId}/contacts", contacts::listInFolder)
                        .POST("/contactFolders/{folderId}/contacts", contacts::createInFolder)
                        .GET("/contactFolders/{folderId}/contacts/{contactId}", contacts::getInFolder)
                        .PATCH("/contactFolders/{folderId}/contacts/{contactId}", contacts::patchInFolder)
                        .DELETE("/contactFolders/{folderId}/contacts/{contactId}", contacts::deleteInFolder)
                        .GET("/contacts", contacts::listInDefaultFolder)
                        .POST("/contacts", contacts::createInDefaultFolder)
                        .GET("/contacts/{contactId}", contacts::get)
                        .PATCH("/contacts/{contactId}", contacts::patch)
                        .DELETE("/contacts/{contactId}", contacts::delete))
                .build();
    }
}

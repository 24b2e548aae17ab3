package com.contactsync.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands out the ports of one sandbox. Every port handed out stays bound here until {@link #release()}, just before
 * the processes start, so that two parts never get the same free port.
 */
final class Ports {

    private final boolean auto;
    private final Consumer<String> out;
    private final List<ServerSocket> held = new ArrayList<>();

    Ports(boolean auto, Consumer<String> out) {
        this.auto = auto;
        this.out = out;
    }

    /** The preferred port unless it is taken or ports are {@code auto}; then a free one. */
    int take(String what, int preferred) {
        if (!auto) {
            ServerSocket socket = bind(preferred);
            if (socket != null) {
                held.add(socket);
                return preferred;
            }
        }
        ServerSocket socket = bind(0);
        if (socket == null) {
            throw new IllegalStateException("no free port for " + what);
        }
        held.add(socket);
        if (!auto) {
            out.accept("port " + preferred + " is taken: " + what + " uses " + socket.getLocalPort());
        }
        return socket.getLocalPort();
    }

    void release() {
        held.forEach(Ports::close);
        held.clear();
    }

    /** Bound on the wildcard address, like the services' servers, so that any listener on the port counts. */
    private static ServerSocket bind(int port) {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // As the servers themselves do: a port whose last connections linger in TIME_WAIT (a sandbox that has
            // just stopped) is free, one that something listens on is not
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return socket;
        } catch (IOException taken) {
            close(socket);
            return null;
        }
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

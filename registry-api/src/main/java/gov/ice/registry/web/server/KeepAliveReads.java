package gov.ice.registry.web.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * Works around a Reactor Netty defect (reactor/reactor-netty#4347 and #4361, fixed after 1.2.18,
 * the newest 1.2.x served): on a keep-alive connection, a request that arrives while the previous
 * response is still finishing on another thread (a command, a query, a password check) is
 * buffered with its trailing empty content. When the buffer drains, nobody asks the channel to
 * read again, so the client's next request is never read and never answered. Browsers and most
 * HTTP clients keep connections alive; the sign-in form hung this way about once in twenty.
 *
 * <p>Each time a request's operations end, this handler, which sits after Reactor Netty's own
 * traffic handler, asks for one more read once that handler has drained its buffer. A read asked
 * twice is one read; a request read early is buffered by Reactor Netty as usual. Remove this once
 * the registry runs on a Reactor Netty with the fix.
 */
@Configuration(proxyBeanMethods = false)
class KeepAliveReads {

  static final String HANDLER = "registry.keepAliveReads";

  @Bean
  NettyServerCustomizer resumeReadsAfterEachResponse() {
    ResumeReads resume = new ResumeReads();
    return server -> server.doOnChannelInit((observer, channel, address) -> {
      if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null && channel.pipeline().get(HANDLER) == null) {
        channel.pipeline().addAfter(NettyPipeline.HttpTrafficHandler, HANDLER, resume);
      }
    });
  }

  @ChannelHandler.Sharable
  static final class ResumeReads extends ChannelInboundHandlerAdapter {

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      // The only event named so; the class itself is package-private in Reactor Netty.
      if ("HttpServerOperationsTerminatedEvent".equals(event.getClass().getSimpleName()) && ctx.channel().isActive()) {
        // Queued after the traffic handler's own drain task, which it has just queued on this executor.
        ctx.executor().execute(() -> {
          if (ctx.channel().isActive()) {
            ctx.read();
          }
        });
      }
      ctx.fireUserEventTriggered(event);
    }
  }
}
